package io.newsflow.enrich.extract;

import io.newsflow.schema.ActorType;

/** One actor of the gazetteer: a state, armed group, organisation or person. */
public record ActorEntry(int index, String id, String name, ActorType type, String affiliation) {}
