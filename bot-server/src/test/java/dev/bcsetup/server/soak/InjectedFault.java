package dev.bcsetup.server.soak;

/** What a soak injected of one kind of fault: how many times, for how long in all. */
public record InjectedFault(FaultKind kind, int count, double seconds) {
}
