package io.newsflow.aggregate.topology;

/** An actor an article names, as co-actor counts need it. */
public record NamedActor(String id, String name) {}
