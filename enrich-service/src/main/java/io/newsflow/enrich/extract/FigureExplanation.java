package io.newsflow.enrich.extract;

/**
 * Which rule of each stage decided a figure ({@code ./newsflow extract --explain}): its cue, its
 * type when a precedence rule changed it, its owner and its claimant; null where none applied.
 */
public record FigureExplanation(String cue, String type, String owner, String claimant) {}
