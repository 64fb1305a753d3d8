package dev.bcsetup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's documented Block Kit limits, checked on a payload as Slack would receive it. Returns what is
 * wrong (empty when the payload would be accepted), so a test can show every problem at once.
 */
public final class BlockKitLimits {

    /** Where the blocks are shown; messages allow 50 blocks, modals and App Home 100. */
    public enum Surface {
        MESSAGE(50),
        MODAL(100),
        HOME(100);

        final int maxBlocks;

        Surface(int maxBlocks) {
            this.maxBlocks = maxBlocks;
        }
    }

    private BlockKitLimits() {
    }

    /** A message's {@code text} and {@code blocks}. */
    public static List<String> message(String text, JsonNode blocks) {
        List<String> problems = new ArrayList<>();
        if ((text == null || text.isBlank()) && (blocks == null || blocks.isEmpty())) {
            problems.add("message has neither text nor blocks");
        }
        if (text != null && text.length() > 40_000) {
            problems.add("message text longer than 40000");
        }
        if (blocks != null) {
            problems.addAll(blocks(blocks, Surface.MESSAGE));
        }
        return problems;
    }

    /** A modal or App Home view. */
    public static List<String> view(JsonNode view) {
        List<String> problems = new ArrayList<>();
        String type = view.path("type").asText();
        Surface surface = type.equals("modal") ? Surface.MODAL : type.equals("home") ? Surface.HOME : null;
        if (surface == null) {
            problems.add("view type must be modal or home, got '" + type + "'");
            return problems;
        }
        if (surface == Surface.MODAL) {
            JsonNode title = view.path("title");
            if (!title.path("type").asText().equals("plain_text") || title.path("text").asText().isEmpty()
                    || title.path("text").asText().length() > 24) {
                problems.add("modal title must be plain_text of 1 to 24 characters");
            }
            for (String button : List.of("submit", "close")) {
                if (view.has(button) && view.path(button).path("text").asText().length() > 24) {
                    problems.add("modal " + button + " text longer than 24");
                }
            }
        }
        if (view.path("private_metadata").asText().length() > 3000) {
            problems.add("private_metadata longer than 3000");
        }
        if (view.path("callback_id").asText().length() > 255) {
            problems.add("callback_id longer than 255");
        }
        problems.addAll(blocks(view.path("blocks"), surface));
        return problems;
    }

    public static List<String> blocks(JsonNode blocks, Surface surface) {
        List<String> problems = new ArrayList<>();
        if (!blocks.isArray()) {
            problems.add("blocks is not an array");
            return problems;
        }
        if (blocks.size() > surface.maxBlocks) {
            problems.add(blocks.size() + " blocks, more than " + surface.maxBlocks + " allowed in a " + surface);
        }
        Set<String> actionIds = new HashSet<>();
        Set<String> blockIds = new HashSet<>();
        int index = 0;
        for (JsonNode block : blocks) {
            String where = "block " + index++ + " (" + block.path("type").asText() + ")";
            if (block.has("block_id")) {
                String id = block.path("block_id").asText();
                max(problems, where + " block_id", id, 255);
                if (!blockIds.add(id)) {
                    problems.add(where + " repeats block_id '" + id + "'");
                }
            }
            switch (block.path("type").asText()) {
                case "section" -> section(block, where, problems, actionIds);
                case "header" -> {
                    plain(block.path("text"), where + " text", problems);
                    max(problems, where + " text", block.path("text").path("text").asText(), 150);
                }
                case "context" -> {
                    if (block.path("elements").size() == 0 || block.path("elements").size() > 10) {
                        problems.add(where + " needs 1 to 10 elements");
                    }
                    for (JsonNode element : block.path("elements")) {
                        if (element.path("type").asText().equals("image")) {
                            requireAlt(element, where, problems);
                        } else {
                            max(problems, where + " element text", element.path("text").asText(), 3000);
                        }
                    }
                }
                case "image" -> {
                    requireAlt(block, where, problems);
                    boolean url = block.hasNonNull("image_url");
                    boolean file = block.hasNonNull("slack_file");
                    if (url == file) {
                        problems.add(where + " needs exactly one of image_url and slack_file");
                    }
                    if (url) {
                        max(problems, where + " image_url", block.path("image_url").asText(), 3000);
                    }
                    if (block.has("title")) {
                        max(problems, where + " title", block.path("title").path("text").asText(), 2000);
                    }
                }
                case "actions" -> {
                    if (block.path("elements").size() == 0 || block.path("elements").size() > 25) {
                        problems.add(where + " needs 1 to 25 elements");
                    }
                    for (JsonNode element : block.path("elements")) {
                        element(element, where, problems, actionIds);
                    }
                }
                case "divider" -> {
                }
                case "input" -> {
                    plain(block.path("label"), where + " label", problems);
                    max(problems, where + " label", block.path("label").path("text").asText(), 2000);
                    element(block.path("element"), where, problems, actionIds);
                }
                default -> problems.add(where + " is not a block type this checker knows");
            }
        }
        return problems;
    }

    private static void section(JsonNode block, String where, List<String> problems, Set<String> actionIds) {
        boolean hasText = block.has("text");
        if (!hasText && !block.has("fields")) {
            problems.add(where + " needs text or fields");
        }
        if (hasText) {
            String text = block.path("text").path("text").asText();
            if (text.isEmpty()) {
                problems.add(where + " text is empty");
            }
            max(problems, where + " text", text, 3000);
        }
        if (block.has("fields")) {
            if (block.path("fields").size() > 10) {
                problems.add(where + " has more than 10 fields");
            }
            for (JsonNode field : block.path("fields")) {
                max(problems, where + " field", field.path("text").asText(), 2000);
            }
        }
        if (block.has("accessory")) {
            element(block.path("accessory"), where + " accessory", problems, actionIds);
        }
    }

    private static void element(JsonNode element, String where, List<String> problems, Set<String> actionIds) {
        String type = element.path("type").asText();
        if (element.has("action_id")) {
            String id = element.path("action_id").asText();
            max(problems, where + " action_id", id, 255);
            if (!actionIds.add(id)) {
                problems.add(where + " repeats action_id '" + id + "' within one message or view");
            }
        }
        switch (type) {
            case "button" -> {
                plain(element.path("text"), where + " button text", problems);
                max(problems, where + " button text", element.path("text").path("text").asText(), 75);
                max(problems, where + " button value", element.path("value").asText(), 2000);
                max(problems, where + " button url", element.path("url").asText(), 3000);
                String style = element.path("style").asText("");
                if (!style.isEmpty() && !style.equals("primary") && !style.equals("danger")) {
                    problems.add(where + " button style must be primary or danger");
                }
            }
            case "checkboxes", "radio_buttons", "static_select" -> {
                JsonNode options = element.path("options");
                if (options.size() == 0 || options.size() > (type.equals("static_select") ? 100 : 10)) {
                    problems.add(where + " " + type + " has " + options.size() + " options");
                }
                Set<String> values = new HashSet<>();
                for (JsonNode option : options) {
                    max(problems, where + " option text", option.path("text").path("text").asText(), 75);
                    max(problems, where + " option value", option.path("value").asText(), 150);
                    values.add(option.path("value").asText());
                }
                for (JsonNode initial : element.path("initial_options")) {
                    if (!values.contains(initial.path("value").asText())) {
                        problems.add(where + " initial option '" + initial.path("value").asText() + "' is not an option");
                    }
                }
            }
            case "plain_text_input" -> max(problems, where + " placeholder", element.path("placeholder").path("text").asText(), 150);
            default -> problems.add(where + " element type '" + type + "' is not one this checker knows");
        }
    }

    private static void requireAlt(JsonNode image, String where, List<String> problems) {
        String alt = image.path("alt_text").asText("");
        if (alt.isBlank()) {
            problems.add(where + " image has no alt text");
        }
        max(problems, where + " alt_text", alt, 2000);
    }

    private static void plain(JsonNode text, String where, List<String> problems) {
        if (!text.path("type").asText().equals("plain_text")) {
            problems.add(where + " must be plain_text");
        }
    }

    private static void max(List<String> problems, String what, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(what + " is " + value.length() + " characters, more than " + max);
        }
    }
}
