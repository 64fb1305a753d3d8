package dev.bcsetup.flow;

/** The permission a store-level API account grants on a scope, as the control panel offers it. */
public enum Access {
    READ_ONLY("Read-only"),
    MODIFY("Modify");

    private final String controlPanelName;

    Access(String controlPanelName) {
        this.controlPanelName = controlPanelName;
    }

    /** The label of this permission in the control panel's scope table. */
    public String controlPanelName() {
        return controlPanelName;
    }

    /** Whether a grant of this access satisfies a need for {@code needed}. */
    public boolean satisfies(Access needed) {
        return this == MODIFY || needed == READ_ONLY;
    }
}
