package dev.bcsetup.server.soak;

import java.util.List;

/**
 * The used heap after forced collections over a run: the first sample, the one nearest the middle, the last, and
 * the least-squares slope over the second half, where a leak shows as a steady climb once the caches have warmed.
 */
public record HeapTrend(double startMb, double middleMb, double endMb, double slopeMbPerMinute, int samples) {

    static HeapTrend of(List<ServerProcess.Sample> samples) {
        if (samples.isEmpty()) {
            return new HeapTrend(0, 0, 0, 0, 0);
        }
        ServerProcess.Sample first = samples.get(0);
        ServerProcess.Sample last = samples.get(samples.size() - 1);
        long half = first.atMillis() + (last.atMillis() - first.atMillis()) / 2;
        ServerProcess.Sample middle = samples.stream()
                .min((a, b) -> Long.compare(Math.abs(a.atMillis() - half), Math.abs(b.atMillis() - half))).orElseThrow();
        List<ServerProcess.Sample> secondHalf = samples.stream().filter(s -> s.atMillis() >= half).toList();
        return new HeapTrend(first.usedMb(), middle.usedMb(), last.usedMb(), slope(secondHalf), samples.size());
    }

    /** Least squares of MB against minutes. */
    private static double slope(List<ServerProcess.Sample> samples) {
        if (samples.size() < 2) {
            return 0;
        }
        double n = samples.size();
        double meanX = samples.stream().mapToDouble(s -> s.atMillis() / 60_000.0).sum() / n;
        double meanY = samples.stream().mapToDouble(ServerProcess.Sample::usedMb).sum() / n;
        double covariance = 0;
        double variance = 0;
        for (ServerProcess.Sample sample : samples) {
            double dx = sample.atMillis() / 60_000.0 - meanX;
            covariance += dx * (sample.usedMb() - meanY);
            variance += dx * dx;
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
