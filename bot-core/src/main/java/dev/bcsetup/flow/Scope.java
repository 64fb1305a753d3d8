package dev.bcsetup.flow;

import java.util.Optional;

/**
 * An OAuth scope a migration may need, with its name in the control panel and in the API.
 * A scope without a data set is needed by every migration.
 */
public enum Scope {
    CONTENT("Content", "store_v2_content", null),
    CUSTOMERS("Customers", "store_v2_customers", DataSet.CUSTOMERS),
    INFORMATION_AND_SETTINGS("Information & Settings", "store_v2_information", null),
    MARKETING("Marketing", "store_v2_marketing", null),
    ORDERS("Orders", "store_v2_orders", DataSet.ORDERS),
    PRODUCTS("Products", "store_v2_products", DataSet.PRODUCTS),
    CHANNEL_SETTINGS("Channel Settings", "store_channel_settings", null),
    CHANNEL_LISTINGS("Channel Listings", "store_channel_listings", null);

    private final String controlPanelName;
    private final String apiName;
    private final DataSet dataSet;

    Scope(String controlPanelName, String apiName, DataSet dataSet) {
        this.controlPanelName = controlPanelName;
        this.apiName = apiName;
        this.dataSet = dataSet;
    }

    /** The row label in the control panel's "OAuth scopes" table. */
    public String controlPanelName() {
        return controlPanelName;
    }

    /** The scope's name in the API, without the {@code _read_only} suffix. */
    public String apiName() {
        return apiName;
    }

    /** The data set that makes this scope necessary, or empty when every migration needs it. */
    public Optional<DataSet> dataSet() {
        return Optional.ofNullable(dataSet);
    }
}
