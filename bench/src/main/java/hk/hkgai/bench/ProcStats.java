package hk.hkgai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Linux /proc readings: a process's resident memory and CPU time, and the whole machine's CPU time. */
public final class ProcStats {
    /** USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    public static boolean alive(long pid) {
        return Files.exists(Path.of("/proc/" + pid + "/status"));
    }

    /** VmRSS in bytes, or -1 when the process is gone. */
    public static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    /** utime + stime of a process in seconds, or -1 when it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The JVM's -Xmx option from its command line, or "" if none. */
    public static String maxHeapOption(long pid) {
        try {
            for (String arg : new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).split("\0")) {
                if (arg.startsWith("-Xmx")) {
                    return arg.substring(4);
                }
            }
        } catch (IOException e) {
            // gone
        }
        return "";
    }

    /** The machine's CPU counters (all cores): busy and total ticks, from the first line of /proc/stat. */
    public record MachineCpu(long busy, long total) {
        public static MachineCpu now() {
            try {
                List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
                String[] f = lines.get(0).trim().split("\\s+");
                long total = 0;
                long idle = 0;
                for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i == 4 || i == 5) {
                        idle += v;
                    }
                }
                return new MachineCpu(total - idle, total);
            } catch (IOException | RuntimeException e) {
                return new MachineCpu(0, 0);
            }
        }

        /** Busy share of all cores since an earlier reading, in percent. */
        public double busyPercentSince(MachineCpu earlier) {
            long t = total - earlier.total;
            return t <= 0 ? Double.NaN : 100.0 * (busy - earlier.busy) / t;
        }
    }
}
