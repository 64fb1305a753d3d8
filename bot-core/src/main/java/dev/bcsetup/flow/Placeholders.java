package dev.bcsetup.flow;

/** Fills {@code {name}} placeholders in flow text; names not given are left as they are. */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code args} alternate names and values: {@code fill("Step {n}", "n", "3")}. */
    public static String fill(String template, String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("placeholder arguments come in name/value pairs");
        }
        String result = template;
        for (int i = 0; i < args.length; i += 2) {
            result = result.replace("{" + args[i] + "}", args[i + 1]);
        }
        return result;
    }
}
