/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.dyson.internal.testworld;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DysonHandlerFactory;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;

/**
 * The loopback test world as one standalone process, for a person to point a device thing or another Dyson client
 * at: on 127.0.0.1 a broker that plays the local broker of every simulated device (user name = serial, password =
 * the device's local password; anonymous clients are the AWS IoT relay), the Dyson cloud API stand-in with one
 * account that lists every device, the AWS IoT endpoint stand-in relaying to the broker, and one
 * {@link DeviceSimulator} per product family with its own serial and local password, whose sensor values move.
 * Login codes the cloud stand-in "e-mails" and the commands the devices receive go to a console.
 * <p>
 * Run {@link #main} (see doc/simulator.md); Ctrl-C stops everything. Tests use {@link #start}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DysonTestWorld implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String EMAIL = "simulator@example.com";
    public static final String PASSWORD = "simulated-password";
    public static final String TRUST_STORE_PASSWORD = "simulator";

    /** One simulated device: serial, product type, local MQTT password and the simulator itself. */
    public record SimulatedDevice(String serial, ProductType productType, String localPassword,
            DeviceSimulator simulator) {
    }

    /**
     * One simulated robot vacuum: serial, model, local MQTT password, the simulator and its own local MQTT port (3.1
     * only, in front of the shared broker).
     */
    public record SimulatedRobot(String serial, RobotModel model, String localPassword, RobotSimulator simulator,
            Mqtt31OnlyPort localPort) {
    }

    private final SimulatorOptions options;
    private final IotAuthority authority = new IotAuthority();
    private final EmbeddedBroker broker = new EmbeddedBroker(true);
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final List<SimulatedRobot> robots = new ArrayList<>();
    private final List<RobotModel> robotModels = new ArrayList<>();
    private final ScheduledThreadPoolExecutor sensorClock = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "dyson-simulator-sensors");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new SecureRandom();
    private @Nullable DysonCloudStandIn cloud;
    private @Nullable AwsIotEndpointStandIn iot;
    private boolean closed;

    private DysonTestWorld(SimulatorOptions options) {
        this.options = options;
    }

    /**
     * Starts everything on 127.0.0.1 and writes the test CA and a hosts file into the options' directory.
     *
     * @param console receives a line per login code issued and per command a device receives
     * @throws IllegalArgumentException for a product family without a simulator seed
     * @throws Exception when a port is taken or a part does not start (what started is stopped again)
     */
    public static DysonTestWorld start(SimulatorOptions options, Consumer<String> console) throws Exception {
        DysonTestWorld world = new DysonTestWorld(options);
        try {
            world.startAll(console);
            return world;
        } catch (Exception e) {
            world.close();
            throw e;
        }
    }

    /** The serial of the simulated device of a product family: {@code SIM-EU-475A0001}, {@code SIM-EU-438M0001}. */
    public static String serialFor(String family) {
        return "SIM-EU-" + (family + "AAAA").substring(0, 4) + "0001";
    }

    /** A stable local password per serial (base64 of a SHA-512 hash, 88 characters, as devices have them). */
    public static String localPasswordFor(String serial) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512")
                    .digest(("dyson-simulator:" + serial).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startAll(Consumer<String> console) throws Exception {
        for (String family : options.families()) {
            RobotModel robot = RobotModel.fromType(family);
            if (robot != null) {
                robotModels.add(robot);
                continue;
            }
            ProductType type = ProductType.fromRootTopic(family);
            if (type == null || DeviceSimulator.class.getResource("/simulator/" + family + ".json") == null) {
                throw new IllegalArgumentException("No simulator for product type " + family + "; choose from "
                        + String.join(",", SimulatorOptions.DEFAULT_FAMILIES) + ",358,438,438E,527,N223,276,277");
            }
            String serial = serialFor(family);
            DeviceSimulator simulator = new DeviceSimulator(new DeviceTopics(family, serial),
                    DeviceSimulator.seed(family));
            devices.add(new SimulatedDevice(serial, type, localPasswordFor(serial), simulator));
        }
        devices.forEach(device -> broker.addAccount(device.serial(), device.localPassword()));
        robotModels.forEach(model -> broker.addAccount(model.simulatorSerial(),
                localPasswordFor(model.simulatorSerial())));
        broker.onPort(options.brokerPort()).start();
        startRobots(console);
        DysonCloudStandIn cloudStandIn = DysonCloudStandIn.start(authority, options.cloudPort());
        cloud = cloudStandIn;
        cloudStandIn.onCodeMailed((email, code) -> console.accept("E-mail to " + email + ": your code is " + code));
        cloudStandIn.addAccount(EMAIL, PASSWORD);
        devices.forEach(device -> cloudStandIn.addDevice(EMAIL, listed(device)));
        robots.forEach(robot -> cloudStandIn.addDevice(EMAIL,
                robot.model().standInDevice(robot.serial(), robot.localPassword())));
        AwsIotEndpointStandIn endpoint = new AwsIotEndpointStandIn(authority, broker.port());
        iot = endpoint;
        endpoint.onPort(options.iotPort()).start();
        for (SimulatedDevice device : devices) {
            device.simulator().onCommand(command -> console.accept("[" + device.serial() + "] <- " + command))
                    .start(broker.port());
        }
        if (!options.sensorInterval().isZero()) {
            long millis = options.sensorInterval().toMillis();
            sensorClock.scheduleAtFixedRate(this::driftSensors, millis, millis, TimeUnit.MILLISECONDS);
        }
        // sleep timers count down as on a device
        sensorClock.scheduleAtFixedRate(this::minutePassed, 1, 1, TimeUnit.MINUTES);
        for (String fault : options.faults()) {
            String[] parts = fault.split(":");
            console.accept(command("fault " + parts[0] + " " + parts[1] + " on"));
        }
        writeClientFiles();
    }

    /**
     * Each robot gets its own local MQTT port (3.1 only) in front of the shared broker: the broker's port + 1, + 2,
     * ... (any free port when the broker's is picked by the system), and lives {@code --robot-speed} times faster
     * than real time.
     */
    private void startRobots(Consumer<String> console) throws Exception {
        int next = options.brokerPort() == 0 ? 0 : broker.port() + 1;
        for (RobotModel model : robotModels) {
            String serial = model.simulatorSerial();
            Mqtt31OnlyPort port = new Mqtt31OnlyPort(broker.port(), next);
            if (next != 0) {
                next++;
            }
            RobotSimulator simulator = RobotSimulator.create(model, serial);
            robots.add(new SimulatedRobot(serial, model, localPasswordFor(serial), simulator, port));
            simulator.onCommand(command -> console.accept("[" + serial + "] <- " + command)).start(broker.port());
            simulator.runAtSpeed(options.robotSpeed());
        }
    }

    /** The device as the cloud's manifest lists it: reachable locally and through AWS IoT. */
    private static StandInDevice listed(SimulatedDevice device) {
        ProductType type = device.productType();
        String root = type.rootTopic();
        StandInDevice purifier = StandInDevice.purifier(device.serial(), root.substring(0, 3),
                root.length() > 3 ? root.substring(3) : null, type.models().get(0));
        return new StandInDevice(device.serial(), "Simulated " + type.productName(), purifier.type(),
                purifier.variant(), purifier.model(), "Dyson " + type.productName(), purifier.connectionCategory(),
                true, root, purifier.remoteBrokerType(), device.localPassword(), purifier.capabilities());
    }

    private void driftSensors() {
        for (SimulatedDevice device : devices) {
            try {
                device.simulator().driftSensors(random);
            } catch (IllegalStateException e) {
                // the broker is going away: the next tick tries again
            }
        }
    }

    /**
     * Runs a line typed on the simulator's console and returns the answer. Known: {@code fault <root> <code> on|off}
     * lets a fault or warning of the device of that family come or go (e.g. {@code fault 358K tnke on}: water tank
     * empty; {@code fault 475 fltr on}: replace the filter).
     */
    public String command(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length >= 3 && ("robot".equals(words[0]) || "fault".equals(words[0]))) {
            for (SimulatedRobot robot : robots) {
                if (robot.model().type().equalsIgnoreCase(words[1])) {
                    return robotCommand(robot, words);
                }
            }
        }
        if (words.length != 4 || !"fault".equals(words[0]) || !List.of("on", "off").contains(words[3])) {
            return "Unknown command: " + line.trim() + " (try: fault <root> <code> on|off)";
        }
        for (SimulatedDevice device : devices) {
            if (device.simulator().topics().root().equalsIgnoreCase(words[1])) {
                try {
                    boolean changed = device.simulator().injectFault(words[2], "on".equals(words[3]));
                    return "[" + device.serial() + "] fault " + words[2] + (changed ? " now " : " already ")
                            + ("on".equals(words[3]) ? "FAIL" : "OK");
                } catch (IllegalArgumentException e) {
                    return "[" + device.serial() + "] " + e.getMessage();
                }
            }
        }
        return "No simulated device of family " + words[1];
    }

    /**
     * {@code fault <robot> <name> on|off}: a {@link RobotFault} comes, or the user deals with the active one;
     * {@code robot <robot> start|pause|resume|abort}: as the robot's own buttons (mode-reason PUI);
     * {@code robot <robot> battery <percent>}.
     */
    private static String robotCommand(SimulatedRobot robot, String[] words) {
        RobotSimulator simulator = robot.simulator();
        String prefix = "[" + robot.serial() + "] ";
        if ("fault".equals(words[0])) {
            RobotFault fault = RobotFault.named(words[2]);
            if (words.length != 4 || fault == null || !List.of("on", "off").contains(words[3])) {
                return prefix + "try: fault " + robot.model().type() + " lifted|airways|bin-full|lost on|off";
            }
            if ("on".equals(words[3])) {
                return prefix + (simulator.injectFault(fault) ? "fault " + fault.code() + " now active"
                        : "another fault is active");
            }
            return prefix + (simulator.clearFault() ? "fault cleared" : "no fault active");
        }
        if (words.length == 4 && "battery".equals(words[2])) {
            try {
                simulator.setBattery(Integer.parseInt(words[3]));
                return prefix + "battery " + simulator.batteryLevel() + " %";
            } catch (NumberFormatException e) {
                return prefix + "battery needs a number";
            }
        }
        String action = words[2].toUpperCase(java.util.Locale.ROOT);
        if (words.length != 3 || !List.of("START", "PAUSE", "RESUME", "ABORT").contains(action)) {
            return prefix + "try: robot " + robot.model().type() + " start|pause|resume|abort|battery <percent>";
        }
        com.google.gson.JsonObject button = new com.google.gson.JsonObject();
        button.addProperty("msg", action);
        button.addProperty("time", RobotBehaviour.formatTime(java.time.Instant.now()));
        button.addProperty("mode-reason", "PUI");
        button.addProperty("fullCleanType", "immediate");
        if (robot.model().hasCleaningModes()) {
            button.addProperty("cleaningMode", "global");
        }
        return prefix + (simulator.command(button) ? action + " -> " + simulator.state()
                : action + " not taken in " + simulator.state());
    }

    private void minutePassed() {
        for (SimulatedDevice device : devices) {
            try {
                device.simulator().minutePassed();
            } catch (IllegalStateException e) {
                // the broker is going away
            }
        }
    }

    private void writeClientFiles() throws IOException, GeneralSecurityException {
        Files.createDirectories(options.directory());
        byte[] der = TestPki.get().caCertificate().getEncoded();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        Files.writeString(caFile(), pem, StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(trustStoreFile())) {
            TestPki.get().trustStore().store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        Files.writeString(hostsFile(), String.join("\n", "127.0.0.1 localhost",
                "127.0.0.1 " + TestPki.CLOUD_API_HOST, "127.0.0.1 " + TestPki.IOT_ENDPOINT, ""),
                StandardCharsets.US_ASCII);
    }

    public List<SimulatedDevice> devices() {
        return List.copyOf(devices);
    }

    public List<SimulatedRobot> robots() {
        return List.copyOf(robots);
    }

    /** The local MQTT port of every simulated device. */
    public int brokerPort() {
        return broker.port();
    }

    public int cloudPort() {
        return nonNull(cloud).port();
    }

    /** {@code https://appapi.cp.dyson.test:<port>}. */
    public String cloudBaseUrl() {
        return nonNull(cloud).baseUrl();
    }

    public int iotPort() {
        return nonNull(iot).port();
    }

    public DysonCloudStandIn cloud() {
        return nonNull(cloud);
    }

    /** The test CA as PEM (made anew at every start). */
    public Path caFile() {
        return options.directory().resolve("test-ca.pem");
    }

    /** The test CA as PKCS12 trust store, password {@value #TRUST_STORE_PASSWORD}. */
    public Path trustStoreFile() {
        return options.directory().resolve("test-ca.p12");
    }

    /** A hosts file for {@code -Djdk.net.hosts.file}: the stand-ins' host names on 127.0.0.1. */
    public Path hostsFile() {
        return options.directory().resolve("hosts");
    }

    /** What a person needs to connect: the devices table, the cloud endpoints, the account, CA and host names. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Dyson simulator running on " + HOST);
        lines.add("");
        lines.add("Simulated devices (local MQTT over plain TCP; user name = serial, password = local password):");
        String row = "  %-16s %-7s %-19s %-6s %-10s %-6s %s";
        lines.add(String.format(row, "serialNumber", "product", "thing type", "model", "hostname", "port",
                "localPassword"));
        for (SimulatedDevice device : devices) {
            ProductType type = device.productType();
            lines.add(String.format(row, device.serial(), type.rootTopic(), type.thingTypeId(),
                    type.models().get(0), HOST, brokerPort(), device.localPassword()));
        }
        if (!robots.isEmpty()) {
            lines.add("");
            lines.add("Simulated robot vacuums (local MQTT 3.1 only, each on its own port; living "
                    + options.robotSpeed() + "x faster than real time):");
            lines.add(String.format(row, "serialNumber", "product", "thing type", "model", "hostname", "port",
                    "localPassword"));
            for (SimulatedRobot robot : robots) {
                ProductType type = ProductType.fromRootTopic(robot.model().type());
                lines.add(String.format(row, robot.serial(), robot.model().type(),
                        type == null ? "-" : type.thingTypeId(), robot.model().model(), HOST,
                        robot.localPort().port(), robot.localPassword()
                                + (robot.model().cloudOnly() ? " (cloud only: not in the manifest)" : "")));
            }
        }
        lines.add("");
        lines.add("Cloud (for clients whose API host can be changed; all devices are in the account):");
        lines.add("  Dyson cloud API:   " + cloudBaseUrl());
        lines.add("  Account:           " + EMAIL + " / " + PASSWORD + " (login codes are printed here)");
        lines.add("  AWS IoT endpoint:  wss://" + TestPki.IOT_ENDPOINT + ":" + iotPort() + "/mqtt");
        lines.add("  Trust the test CA: " + caFile() + " (PEM, new at every start)");
        lines.add("                     or -Djavax.net.ssl.trustStore=" + trustStoreFile()
                + " -Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD);
        lines.add("  Host names:        -Djdk.net.hosts.file=" + hostsFile() + " or in /etc/hosts:");
        lines.add("                     127.0.0.1 " + TestPki.CLOUD_API_HOST);
        lines.add("                     127.0.0.1 " + TestPki.IOT_ENDPOINT);
        lines.add("");
        lines.add("openHAB on this machine (README, Trying It Without a Dyson): put into EXTRA_JAVA_OPTS and restart"
                + " openHAB,");
        lines.add("then add a Dyson Account thing with the account above:");
        lines.add("  " + openHabOptions());
        lines.add("");
        lines.add(options.sensorInterval().isZero() ? "Sensor values stay as captured."
                : "Sensor values change every " + options.sensorInterval().toSeconds() + " s.");
        lines.add("Commands the devices receive are printed below. Stop with Ctrl-C.");
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * The Java options that point openHAB's Dyson binding at this simulator: the hosts file for the stand-ins' host
     * names, and the binding's API host, extra CA and AWS IoT port (see {@link DysonHandlerFactory}).
     */
    public String openHabOptions() {
        return String.join(" ", "-Djdk.net.hosts.file=" + hostsFile(),
                "-D" + DysonHandlerFactory.PROPERTY_API_HOST + "=" + cloudBaseUrl(),
                "-D" + DysonHandlerFactory.PROPERTY_EXTRA_CA + "=" + caFile(),
                "-D" + DysonHandlerFactory.PROPERTY_IOT_PORT + "=" + iotPort());
    }

    /** Stops the devices, the stand-ins and the broker; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        sensorClock.shutdownNow();
        try {
            sensorClock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        devices.forEach(device -> device.simulator().close());
        robots.forEach(robot -> {
            robot.simulator().close();
            robot.localPort().close();
        });
        AwsIotEndpointStandIn endpoint = iot;
        if (endpoint != null) {
            try {
                endpoint.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        DysonCloudStandIn cloudStandIn = cloud;
        if (cloudStandIn != null) {
            cloudStandIn.close();
        }
        broker.close();
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The simulator is not running");
        }
        return value;
    }

    private static void readConsole(DysonTestWorld world, PrintStream out) {
        try (java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.println(world.command(line));
                }
            }
        } catch (IOException e) {
            // no console
        }
    }

    /** Starts the simulator, prints what to connect to and runs until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        // the process's own stdout: Maven's console wrapper around System.out is closed before shutdown hooks end
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (List.of(args).contains("--help")) {
            out.println(SimulatorOptions.usage());
            return;
        }
        DysonTestWorld world;
        try {
            world = start(SimulatorOptions.parse(args, System.getProperties()), out::println);
        } catch (Exception e) {
            System.err.println("The Dyson simulator did not start: " + e.getMessage());
            System.err.println(SimulatorOptions.usage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the Dyson simulator ...");
            world.close();
            out.println("Dyson simulator stopped.");
            out.flush();
            stopped.countDown();
        }, "dyson-simulator-stop"));
        out.println(world.describe());
        Thread console = new Thread(() -> readConsole(world, out), "dyson-simulator-console");
        console.setDaemon(true);
        console.start();
        stopped.await();
    }
}
