package io.newsflow.aggregate.topology;

import io.newsflow.schema.CasualtyType;

/** One report in the history of an actor's reported figures: the figure with its casualty type. */
public record Report(CasualtyType type, Figure figure) {}
