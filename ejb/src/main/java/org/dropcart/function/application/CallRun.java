package org.dropcart.function.application;

/**
 * What a worker needs to run a call it has taken. {@code runtimeRevision} changes whenever the
 * runtime is redefined, so that what was prepared with its old dependency step is not reused.
 */
public record CallRun(long callNum, String funcName, int version, String params, String runtimeName,
    long runtimeRevision, String dependencies, String run, int attempt) {}
