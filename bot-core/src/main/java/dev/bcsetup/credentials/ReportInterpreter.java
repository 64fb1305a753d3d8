package dev.bcsetup.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.flow.ScopePlan;
import dev.bcsetup.flow.ScopeRequirement;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads all probe results together and turns them into a report the merchant can act on. */
final class ReportInterpreter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a probe's answer counts, whatever the endpoint. */
    private enum Verdict { ALLOWED, FORBIDDEN, UNAUTHORIZED, NOT_FOUND, UNAVAILABLE, TIMEOUT, RATE_LIMITED }

    private final ScopePlan plan;
    private final StoreHash storeHash;
    private final Duration deadline;

    ReportInterpreter(ScopePlan plan, StoreHash storeHash, Duration deadline) {
        this.plan = plan;
        this.storeHash = storeHash;
        this.deadline = deadline;
    }

    ValidationReport interpret(Map<Probe, ProbeResult> results, Duration elapsed) {
        Verdict time = verdict(results.get(ProbePlan.AUTHENTICATION));
        boolean anyUnauthorized = results.values().stream().map(ReportInterpreter::verdict)
                .anyMatch(v -> v == Verdict.UNAUTHORIZED);
        if (anyUnauthorized) {
            return fatal(Outcome.TOKEN_REJECTED, Problem.of(ProblemCode.TOKEN_REJECTED), elapsed);
        }
        // BigCommerce does not document what a valid token gets on another store's hash. The
        // gateway knows the token, so we expect the scope 403 (or a 404 for a hash that does not
        // exist) even on /v2/time, which answers 200 to any token of its own store.
        if (time == Verdict.FORBIDDEN || time == Verdict.NOT_FOUND) {
            return fatal(Outcome.WRONG_STORE,
                    Problem.of(ProblemCode.TOKEN_FOR_OTHER_STORE, "storeHash", storeHash.value()), elapsed);
        }
        if (time != Verdict.ALLOWED) {
            return fatal(Outcome.BIGCOMMERCE_UNAVAILABLE, unavailable(time), elapsed);
        }
        if (everyDataProbeForbidden(results)) {
            List<Problem> fixes = List.of(Problem.of(ProblemCode.STENCIL_TOKEN), recreate());
            return new ValidationReport(Outcome.STENCIL_TOKEN, Optional.empty(), List.of(), fixes, List.of(), elapsed);
        }
        return scopeReport(results, elapsed);
    }

    private ValidationReport scopeReport(Map<Probe, ProbeResult> results, Duration elapsed) {
        List<ScopeCheck> checks = new ArrayList<>();
        Set<Verdict> silences = new LinkedHashSet<>();
        for (ScopeRequirement row : plan.rows()) {
            Verdict read = verdict(results.get(ProbePlan.read(row.scope())));
            Optional<Verdict> write = ProbePlan.write(row.scope())
                    .filter(p -> row.access() == Access.MODIFY)
                    .map(p -> verdict(results.get(p)));
            ScopeStatus status = status(row.access(), read, write);
            if (status == ScopeStatus.NOT_CHECKED) {
                silences.add(isSilence(read) ? read : write.orElse(read));
            }
            checks.add(new ScopeCheck(row.scope(), row.access(), row.required(), status));
        }

        List<Problem> fixes = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        for (ScopeCheck check : checks) {
            String scope = check.scope().controlPanelName();
            switch (check.status()) {
                case MISSING, READ_ONLY -> {
                    if (!check.required()) {
                        notes.add(Problem.of(ProblemCode.OPTIONAL_SCOPE_MISSING, "scope", scope));
                    } else if (check.status() == ScopeStatus.MISSING) {
                        fixes.add(new Problem(ProblemCode.SCOPE_MISSING,
                                Map.of("scope", scope, "access", check.needed().controlPanelName())));
                    } else {
                        fixes.add(Problem.of(ProblemCode.SCOPE_READ_ONLY, "scope", scope));
                    }
                }
                case NOT_CHECKED -> {
                    if (check.required()) {
                        fixes.add(Problem.of(ProblemCode.SCOPE_NOT_CHECKED, "scope", scope));
                    }
                }
                case MODIFY_NOT_PROVABLE -> notes.add(Problem.of(ProblemCode.SCOPE_MODIFY_NOT_PROVABLE, "scope", scope));
                case GRANTED -> {
                }
            }
        }

        Outcome outcome;
        if (checks.stream().anyMatch(ScopeCheck::blocksMigration)) {
            outcome = Outcome.NEEDS_FIXING;
            fixes.add(recreate());
        } else if (checks.stream().anyMatch(c -> c.required() && c.status() == ScopeStatus.NOT_CHECKED)) {
            outcome = Outcome.BIGCOMMERCE_UNAVAILABLE;
            fixes.add(unavailable(silences.iterator().next()));
        } else {
            outcome = Outcome.VALID;
            notes.add(Problem.of(ProblemCode.CLIENT_ID_FORMAT_ONLY));
        }
        Optional<StoreInfo> store = storeInfo(results.get(ProbePlan.read(Scope.INFORMATION_AND_SETTINGS)));
        return new ValidationReport(outcome, store, checks, fixes, notes, elapsed);
    }

    private static ScopeStatus status(Access needed, Verdict read, Optional<Verdict> write) {
        if (write.isPresent() && letThrough(write.get())) {
            // Modify includes read, whatever the read probe met.
            return ScopeStatus.GRANTED;
        }
        if (read == Verdict.FORBIDDEN) {
            return ScopeStatus.MISSING;
        }
        if (!letThrough(read)) {
            return ScopeStatus.NOT_CHECKED;
        }
        if (needed == Access.READ_ONLY) {
            return ScopeStatus.GRANTED;
        }
        if (write.isEmpty()) {
            return ScopeStatus.MODIFY_NOT_PROVABLE;
        }
        return write.get() == Verdict.FORBIDDEN ? ScopeStatus.READ_ONLY : ScopeStatus.NOT_CHECKED;
    }

    private boolean everyDataProbeForbidden(Map<Probe, ProbeResult> results) {
        return results.entrySet().stream()
                .filter(e -> e.getKey().kind() != Probe.Kind.AUTHENTICATION)
                .allMatch(e -> verdict(e.getValue()) == Verdict.FORBIDDEN);
    }

    private ValidationReport fatal(Outcome outcome, Problem fix, Duration elapsed) {
        return new ValidationReport(outcome, Optional.empty(), List.of(), List.of(fix), List.of(), elapsed);
    }

    private Problem unavailable(Verdict verdict) {
        return switch (verdict) {
            case TIMEOUT -> Problem.of(ProblemCode.BIGCOMMERCE_TIMEOUT, "seconds",
                    Long.toString(Math.max(1, Math.round(deadline.toMillis() / 1000.0))));
            case RATE_LIMITED -> Problem.of(ProblemCode.RATE_LIMITED);
            default -> Problem.of(ProblemCode.BIGCOMMERCE_UNAVAILABLE);
        };
    }

    private Problem recreate() {
        String scopes = plan.required().stream()
                .map(row -> row.scope().controlPanelName() + ": " + row.access().controlPanelName())
                .collect(Collectors.joining(", "));
        return Problem.of(ProblemCode.RECREATE_API_ACCOUNT, "scopes", scopes);
    }

    /** Whether the gateway's scope check passed; on data endpoints a 404 means it did. */
    private static boolean letThrough(Verdict verdict) {
        return verdict == Verdict.ALLOWED || verdict == Verdict.NOT_FOUND;
    }

    private static boolean isSilence(Verdict verdict) {
        return verdict == Verdict.TIMEOUT || verdict == Verdict.UNAVAILABLE || verdict == Verdict.RATE_LIMITED;
    }

    private static Verdict verdict(ProbeResult result) {
        if (result == null) {
            return Verdict.TIMEOUT;
        }
        if (result instanceof ProbeResult.NoAnswer noAnswer) {
            return switch (noAnswer.reason()) {
                case TIMEOUT -> Verdict.TIMEOUT;
                case RATE_LIMITED -> Verdict.RATE_LIMITED;
                case UNREACHABLE -> Verdict.UNAVAILABLE;
            };
        }
        int status = ((ProbeResult.Answered) result).status();
        if (status >= 200 && status < 300) {
            return Verdict.ALLOWED;
        }
        return switch (status) {
            case 401 -> Verdict.UNAUTHORIZED;
            case 403 -> Verdict.FORBIDDEN;
            // The gateway checks the scope before the resource: a missing record or a rejected
            // empty body means the request was let through.
            case 404 -> Verdict.NOT_FOUND;
            case 400, 409, 422 -> Verdict.ALLOWED;
            default -> Verdict.UNAVAILABLE;
        };
    }

    private static Optional<StoreInfo> storeInfo(ProbeResult result) {
        if (!(result instanceof ProbeResult.Answered answered) || answered.status() != 200) {
            return Optional.empty();
        }
        try {
            JsonNode store = JSON.readTree(answered.body());
            return Optional.of(new StoreInfo(store.path("name").asText(""), store.path("domain").asText(""),
                    store.path("plan_name").asText(""), store.path("status").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
