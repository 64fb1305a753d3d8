package dev.bcsetup.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.handoff.HandOffNotice.ScopeSummary;

/** The JSON body of the hand-off webhook, schema version 1 (documented in the README). */
final class WebhookPayload {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {
    }

    static String json(HandOff handOff, Credentials credentials) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("handOffId", handOff.id());
        root.put("reference", handOff.reference());
        ObjectNode store = root.putObject("store");
        store.put("hash", handOff.storeHash());
        store.put("name", handOff.storeName());
        store.put("domain", handOff.storeDomain());
        root.put("direction", handOff.direction().name());
        ArrayNode dataSets = root.putArray("dataSets");
        handOff.dataSets().stream().sorted().map(DataSet::name).forEach(dataSets::add);
        ObjectNode report = root.putObject("report");
        ArrayNode scopes = report.putArray("scopes");
        for (ScopeSummary scope : handOff.scopes()) {
            scopes.addObject().put("scope", scope.scope()).put("access", scope.access()).put("status", scope.status());
        }
        ObjectNode submitter = root.putObject("submitter");
        submitter.put("platform", handOff.session().platform().name());
        submitter.put("workspace", handOff.session().workspace());
        submitter.put("merchant", handOff.session().merchant());
        submitter.put("agent", handOff.session().agent().orElse(null));
        root.put("submittedAt", handOff.submittedAt().toString());
        ObjectNode secret = root.putObject("credentials");
        secret.put("apiPath", credentials.apiPath());
        secret.put("clientId", credentials.clientId().value());
        secret.put("accessToken", credentials.accessToken().value());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the webhook body cannot be written");
        }
    }
}
