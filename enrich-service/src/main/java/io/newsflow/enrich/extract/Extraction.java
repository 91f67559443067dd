package io.newsflow.enrich.extract;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import java.util.List;

/**
 * What the extractor read from one article: the actors it names and the figures it reports; with
 * {@link Extractor#explain}, also the rules that decided each figure (same order), else empty.
 */
public record Extraction(List<Actor> actors, List<CasualtyFigure> casualties, List<FigureExplanation> explanations) {}
