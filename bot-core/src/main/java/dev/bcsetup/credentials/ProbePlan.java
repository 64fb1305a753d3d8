package dev.bcsetup.credentials;

import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.flow.ScopePlan;
import dev.bcsetup.flow.ScopeRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which probes prove a scope plan: one authentication probe, one read per scope, one write per Modify scope. */
public final class ProbePlan {

    static final Probe AUTHENTICATION = new Probe(Probe.Kind.AUTHENTICATION, Optional.empty(), "GET", "/v2/time");

    private ProbePlan() {
    }

    /** Every probe for {@code plan}, optional rows included, so the report can show their state too. */
    public static List<Probe> forPlan(ScopePlan plan) {
        List<Probe> probes = new ArrayList<>();
        probes.add(AUTHENTICATION);
        for (ScopeRequirement row : plan.rows()) {
            probes.add(read(row.scope()));
            if (row.access() == Access.MODIFY) {
                write(row.scope()).ifPresent(probes::add);
            }
        }
        return List.copyOf(probes);
    }

    /** The read probe for a scope; for Information & Settings it also fetches the store's name. */
    static Probe read(Scope scope) {
        String path = switch (scope) {
            case CONTENT -> "/v2/pages";
            case CUSTOMERS -> "/v3/customers?limit=1";
            case INFORMATION_AND_SETTINGS -> "/v2/store";
            case MARKETING -> "/v2/coupons?limit=1";
            case ORDERS -> "/v2/orders?limit=1";
            case PRODUCTS -> "/v3/catalog/products?limit=1";
            case CHANNEL_SETTINGS -> "/v3/channels?limit=1";
            case CHANNEL_LISTINGS -> "/v3/channels/1/listings?limit=1";
        };
        return new Probe(Probe.Kind.READ, Optional.of(scope), "GET", path);
    }

    /**
     * The write probe for a scope. BigCommerce checks scopes before it reads the body, so an empty
     * {@code {}} is answered 403 when the scope is read-only and 400/422 when it may write, and no
     * record can be created from it.
     */
    static Optional<Probe> write(Scope scope) {
        String path = switch (scope) {
            // Observed answering 400/422 to {} with Modify.
            case CONTENT -> "/v2/pages";
            case ORDERS -> "/v2/orders";
            case PRODUCTS -> "/v3/catalog/products";
            case CHANNEL_LISTINGS -> "/v3/channels/1/listings";
            // Banners belong to the Marketing scope; observed answering 400/422 to {} with Modify.
            case MARKETING -> "/v2/banners";
            // Observed answering 403 when read-only. It takes an array of customers, so {} is
            // malformed and cannot create anyone.
            case CUSTOMERS -> "/v3/customers";
            // Not in the observed list. A channel needs name, type and platform, so {} is refused
            // as invalid and cannot create one.
            case CHANNEL_SETTINGS -> "/v3/channels";
            // Every write under this scope is a PUT on a settings object, where {} might be
            // accepted as an update. Modify is therefore reported as not provable.
            case INFORMATION_AND_SETTINGS -> null;
        };
        return Optional.ofNullable(path).map(p -> new Probe(Probe.Kind.WRITE, Optional.of(scope), "POST", p));
    }
}
