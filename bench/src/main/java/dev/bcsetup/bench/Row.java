package dev.bcsetup.bench;

/**
 * One line of the results table: a figure beside its baseline measured in the same run, their ratio, and
 * the goal it is held to ({@code goal} empty when the figure is only reported).
 */
record Row(String figure, String measured, String baseline, String ratio, String goal, Verdict verdict) {

    enum Verdict { MET, MISSED, NONE }

    static Row of(String figure, String measured, String baseline, String ratio, String goal, boolean met) {
        return new Row(figure, measured, baseline, ratio, goal, met ? Verdict.MET : Verdict.MISSED);
    }

    static Row info(String figure, String measured, String baseline, String ratio) {
        return new Row(figure, measured, baseline, ratio, "", Verdict.NONE);
    }

    String verdictText() {
        return switch (verdict) {
            case MET -> "met";
            case MISSED -> "**MISSED**";
            case NONE -> "";
        };
    }

    static String ms(double millis) {
        return millis < 10 ? String.format("%.2f ms", millis) : String.format("%.1f ms", millis);
    }

    static String times(double ratio) {
        return String.format("%.2fx", ratio);
    }
}
