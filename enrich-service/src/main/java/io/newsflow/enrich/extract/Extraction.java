package io.newsflow.enrich.extract;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import java.util.List;

/** What the extractor read from one article: the actors it names and the figures it reports. */
public record Extraction(List<Actor> actors, List<CasualtyFigure> casualties) {}
