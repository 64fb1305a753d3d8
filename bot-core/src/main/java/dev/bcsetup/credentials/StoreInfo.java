package dev.bcsetup.credentials;

/** What BigCommerce says about the store, shown so the merchant can confirm it is the right one. */
public record StoreInfo(String name, String domain, String planName, String status) {
}
