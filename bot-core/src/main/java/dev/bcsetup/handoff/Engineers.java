package dev.bcsetup.handoff;

import java.util.Set;

/** Who may reveal and acknowledge hand-offs ({@code ENGINEERS}): user IDs and group IDs, from any platform. */
public record Engineers(Set<String> ids) {

    public Engineers {
        ids = Set.copyOf(ids);
    }

    public static Engineers none() {
        return new Engineers(Set.of());
    }

    /** Whether the person is listed by their user ID or through one of their groups. */
    public boolean allows(Engineer engineer) {
        return ids.contains(engineer.userId()) || engineer.groups().stream().anyMatch(ids::contains);
    }
}
