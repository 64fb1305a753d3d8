package dev.bcsetup.credentials;

import java.util.regex.Pattern;

/** The short identifier of a store in every API path: lowercase letters and digits only. */
public record StoreHash(String value) {

    /** Real hashes are 6 to 10 characters; the range leaves room without letting anything odd through. */
    static final Pattern SHAPE = Pattern.compile("[a-z0-9]{5,16}");

    public StoreHash {
        // The hash goes into request paths, so nothing but the strict shape may ever be constructed.
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a store hash is 5 to 16 lowercase letters and digits");
        }
    }

    /** Whether {@code candidate} has the shape of a store hash. */
    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /** The API path a merchant sees in the control panel for this store. */
    public String apiPath() {
        return "https://api.bigcommerce.com/stores/" + value + "/v3/";
    }
}
