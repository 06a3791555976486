package org.dropcart.function.application;

/** What a worker needs to run a call it has taken. */
public record CallRun(long callNum, String funcName, int version, String params, String runtimeName,
    String dependencies, String run, int attempt) {}
