import java.util.Random;

import com.amazon.randomcutforest.RandomCutForest;

/**
 * Score-then-update throughput of AWS's random-cut-forest-by-aws (randomcutforest-core), the same workload as
 * benchmarks/LogPipeline.RandomCutForest.Benchmarks' "throughput" and "scaling" modes: standard normal records,
 * 100 trees, 256 samples, time decay 1/2560 (AWS's default), seed 42, 20,000 warm-up records, then N fresh
 * records each scored (getAnomalyScore) and then learned (update). Prints points/s (wall clock) and the load
 * average, best of the repeats.
 *
 * Arguments: dimensions shingleSize threads [records] [repeats]; threads = 1 runs on the caller's thread,
 * threads = n > 1 is AWS's parallelExecutionEnabled with a pool of n.
 */
public final class RcfThroughput {
    private static final int WARM_UP_RECORDS = 20_000;

    public static void main(String[] args) throws Exception {
        int dimensions = Integer.parseInt(args[0]);
        int shingleSize = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int records = args.length > 3 ? Integer.parseInt(args[3]) : 30_000;
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        double best = 0;
        for (int repeat = 0; repeat < repeats; repeat++) {
            RandomCutForest.Builder<?> builder = RandomCutForest.builder().dimensions(dimensions * shingleSize)
                    .shingleSize(shingleSize).internalShinglingEnabled(shingleSize > 1).numberOfTrees(100)
                    .sampleSize(256).timeDecay(1.0 / 2560).randomSeed(42);
            if (threads > 1) {
                builder.parallelExecutionEnabled(true).threadPoolSize(threads);
            }
            RandomCutForest forest = builder.build();
            float[][] warmUp = normal(WARM_UP_RECORDS, dimensions, new Random(2));
            for (float[] record : warmUp) {
                forest.update(record);
            }

            float[][] measured = normal(records, dimensions, new Random(3 + repeat));
            double sum = 0;
            long start = System.nanoTime();
            for (float[] record : measured) {
                sum += forest.getAnomalyScore(record);
                forest.update(record);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = records / seconds;
            best = Math.max(best, rate);
            System.out.printf("java dims %d shingle %d threads %d: %,.0f points/s (mean score %.3f)%n", dimensions,
                    shingleSize, threads, rate, sum / records);
        }

        System.out.printf("java dims %d shingle %d threads %d: best %,.0f points/s, load average %s%n", dimensions,
                shingleSize, threads, best, loadAverage());
    }

    private static float[][] normal(int count, int dimensions, Random random) {
        float[][] values = new float[count][dimensions];
        for (float[] record : values) {
            for (int i = 0; i < dimensions; i++) {
                record[i] = (float) random.nextGaussian();
            }
        }
        return values;
    }

    private static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
