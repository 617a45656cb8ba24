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
package org.openhab.binding.dyson.internal.console;

import static org.openhab.binding.dyson.internal.DysonBindingConstants.BINDING_ID;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_ACCOUNT;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DysonThingTypes;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.diagnostics.CaptureWriter;
import org.openhab.binding.dyson.internal.diagnostics.DeviceDiagnostics;
import org.openhab.binding.dyson.internal.diagnostics.DiagnosticsText;
import org.openhab.binding.dyson.internal.diagnostics.Redactor;
import org.openhab.binding.dyson.internal.diagnostics.TrafficRecord;
import org.openhab.binding.dyson.internal.diagnostics.TrafficSubscription;
import org.openhab.binding.dyson.internal.diagnostics.TransportReport;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.ConsoleCommandCompleter;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.io.console.extensions.ConsoleCommandExtension;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code dyson} console command ({@code openhab:dyson} in the Karaf console): lists the account things with their
 * status and an account's devices as the Dyson cloud lists them, logs an account in with the e-mailed code
 * ({@code login}, then {@code code}) through the same steps as the thing configuration does, and diagnoses a device
 * thing: its transport, link transitions and connection quality ({@code status}), its live MQTT traffic
 * ({@code listen}), a capture of it into a file in the format of the binding's test captures ({@code capture}), and a
 * reconnect on demand ({@code reconnect}). It never prints a password, token, code or local or cloud credential; only
 * {@code login} and {@code code} call the cloud. Everything printed or saved about a device goes through that
 * device's {@link Redactor}: its serial number becomes a fake one and every secret {@value Redactor#REDACTED}.
 * <p>
 * openHAB 4.3's console offers no key input, so {@code listen} runs until its time is up; an interrupt of the command
 * (Ctrl+C in the Karaf console) ends it, and {@code capture}, earlier.
 *
 * @author Dyson binding team - Initial contribution
 */
@Component(service = ConsoleCommandExtension.class)
@NonNullByDefault
public class DysonConsoleCommandExtension extends AbstractConsoleCommandExtension {

    static final String ACCOUNTS = "accounts";
    static final String DEVICES = "devices";
    static final String LOGIN = "login";
    static final String CODE = "code";
    /** Subcommands whose first argument is an account thing UID. */
    private static final List<String> ACCOUNT_SUBCOMMANDS = List.of(DEVICES, LOGIN, CODE);
    /** A login step makes up to four cloud calls of at most 15 s each. */
    static final Duration LOGIN_WAIT = Duration.ofSeconds(75);
    /** Status texts of the account handler after which the user enters a code (by e-mail, by SMS). */
    private static final Set<String> ENTER_CODE = Set.of("offline.account.enter-code",
            "offline.account.enter-sms-code");
    private static final Set<String> TOKEN_INVALID = Set.of("offline.account.token-invalid",
            "offline.account.token-invalid-sms");
    private static final Set<String> WRONG_CODE = Set.of("offline.account.wrong-credentials",
            "offline.account.wrong-sms-code");
    private static final Pattern TEXT_REFERENCE = Pattern.compile("@text/([A-Za-z0-9_.\\-]+)\\s*(?:\\[(.*)\\])?");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    static final String STATUS = "status";
    static final String LISTEN = "listen";
    static final String CAPTURE = "capture";
    static final String RECONNECT = "reconnect";
    static final String HELP = "help";
    private static final List<String> SUBCOMMANDS = List.of(ACCOUNTS, DEVICES, LOGIN, CODE, STATUS, LISTEN, CAPTURE,
            RECONNECT, HELP);
    private static final List<String> DEVICE_SUBCOMMANDS = List.of(STATUS, LISTEN, CAPTURE, RECONNECT);
    static final int DEFAULT_LISTEN_SECONDS = 30;
    static final int MAX_SECONDS = (int) DysonDeviceHandler.MAX_CAPTURE.toSeconds();
    static final Duration RECONNECT_WAIT = Duration.ofSeconds(30);

    private final ThingRegistry thingRegistry;
    private final Duration loginWait;
    private volatile @Nullable Properties texts;

    @Activate
    public DysonConsoleCommandExtension(@Reference ThingRegistry thingRegistry) {
        this(thingRegistry, LOGIN_WAIT);
    }

    /** @param loginWait how long {@code login} and {@code code} wait for the cloud before they tell the status */
    DysonConsoleCommandExtension(ThingRegistry thingRegistry, Duration loginWait) {
        super(BINDING_ID, "Lists Dyson accounts and their devices; logs an account in with the e-mailed code; diagnoses device things.");
        this.thingRegistry = thingRegistry;
        this.loginWait = loginWait;
    }

    @Override
    public void execute(String[] args, Console console) {
        if (args.length == 1 && ACCOUNTS.equals(args[0])) {
            listAccounts(console);
        } else if (args.length == 2 && DEVICES.equals(args[0])) {
            listDevices(args[1], console);
        } else if (args.length == 2 && LOGIN.equals(args[0])) {
            login(args[1], null, console);
        } else if (args.length == 3 && CODE.equals(args[0])) {
            login(args[1], args[2], console);
        } else if (args.length == 2 && STATUS.equals(args[0])) {
            status(args[1], console);
        } else if ((args.length == 2 || args.length == 3) && LISTEN.equals(args[0])) {
            listen(args[1], args.length == 3 ? args[2] : String.valueOf(DEFAULT_LISTEN_SECONDS), console);
        } else if (args.length == 4 && CAPTURE.equals(args[0])) {
            capture(args[1], args[2], args[3], console);
        } else if (args.length == 2 && RECONNECT.equals(args[0])) {
            reconnect(args[1], console);
        } else {
            // never echo the arguments: a mistyped code command still holds a code
            printUsage(console);
        }
    }

    @Override
    public List<String> getUsages() {
        return List.of(buildCommandUsage(ACCOUNTS, "list the Dyson account things and their status"),
                buildCommandUsage(DEVICES + " <accountThingUID>",
                        "list the devices of an account as the Dyson cloud lists them (no credentials)"),
                buildCommandUsage(LOGIN + " <accountThingUID>",
                        "log the account in: checks its token, else Dyson e-mails a code"),
                buildCommandUsage(CODE + " <accountThingUID> <code>",
                        "complete the login with the code Dyson e-mailed (never printed or logged)"),
                buildCommandUsage(STATUS + " <deviceThingUID>",
                        "show the transport in use and why, the last link transitions and the connection quality"),
                buildCommandUsage(LISTEN + " <deviceThingUID> [seconds]",
                        "print the device's MQTT messages as they come for the given seconds (default "
                                + DEFAULT_LISTEN_SECONDS + ", at most " + MAX_SECONDS
                                + "); the console offers no key input, so it stops when the time is up"
                                + " (or on Ctrl+C)"),
                buildCommandUsage(CAPTURE + " <deviceThingUID> <seconds> <file>",
                        "save the device's MQTT messages for the given seconds (at most " + MAX_SECONDS
                                + ") to a new file as JSON Lines in the format of the binding's test captures"),
                buildCommandUsage(RECONNECT + " <deviceThingUID>",
                        "drop the device's connection and connect again now (back-off reset), then show the"
                                + " outcome"),
                buildCommandUsage(HELP, "show this usage (device output never shows serial numbers or secrets)"));
    }

    @Override
    public @Nullable ConsoleCommandCompleter getCompleter() {
        return this::complete;
    }

    private boolean complete(String[] args, int cursorArgumentIndex, int cursorPosition, List<String> candidates) {
        List<String> choices;
        if (cursorArgumentIndex <= 0) {
            choices = SUBCOMMANDS;
        } else if (cursorArgumentIndex == 1 && ACCOUNT_SUBCOMMANDS.contains(args[0])) {
            choices = accounts().stream().map(thing -> thing.getUID().getAsString()).toList();
        } else if (cursorArgumentIndex == 1 && DEVICE_SUBCOMMANDS.contains(args[0])) {
            choices = thingRegistry.stream().filter(thing -> thing.getHandler() instanceof DysonDeviceHandler)
                    .map(thing -> thing.getUID().getAsString()).sorted().toList();
        } else {
            return false;
        }
        String typed = cursorArgumentIndex >= 0 && cursorArgumentIndex < args.length
                ? args[cursorArgumentIndex].substring(0, Math.min(cursorPosition, args[cursorArgumentIndex].length()))
                : "";
        choices.stream().filter(choice -> choice.startsWith(typed)).map(choice -> choice + " ")
                .forEach(candidates::add);
        return !candidates.isEmpty();
    }

    private List<Thing> accounts() {
        return thingRegistry.stream().filter(DysonConsoleCommandExtension::isAccount)
                .sorted(Comparator.comparing(thing -> thing.getUID().getAsString())).toList();
    }

    private void listAccounts(Console console) {
        List<Thing> accounts = accounts();
        if (accounts.isEmpty()) {
            console.println("No Dyson account things.");
            return;
        }
        for (Thing account : accounts) {
            DysonAccountHandler handler = accountHandler(account);
            String devices = handler == null ? "no handler" : handler.devices().size() + " devices";
            console.println(account.getUID().getAsString() + "  " + status(account.getStatusInfo()) + "  \""
                    + printable(account.getLabel()) + "\"  " + devices);
        }
    }

    private void listDevices(String accountUid, Console console) {
        Thing account;
        try {
            account = thingRegistry.get(new ThingUID(accountUid));
        } catch (IllegalArgumentException e) {
            console.println("Not a thing UID: " + printable(accountUid));
            return;
        }
        if (account == null || !isAccount(account)) {
            console.println("No Dyson account thing " + printable(accountUid) + "; see '" + getCommand() + " "
                    + ACCOUNTS + "'.");
            return;
        }
        DysonAccountHandler handler = accountHandler(account);
        if (handler == null) {
            console.println("The account " + accountUid + " has no handler (" + status(account.getStatusInfo())
                    + ").");
            return;
        }
        List<CloudDevice> devices = handler.devices();
        if (devices.isEmpty()) {
            console.println("The account " + accountUid + " lists no devices yet (" + status(account.getStatusInfo())
                    + ").");
            return;
        }
        console.println(devices.size() + " devices of " + accountUid + ":");
        devices.forEach(device -> printDevice(device, console));
    }

    /**
     * One login step through the account handler, as the thing configuration would do it; waits for the cloud and
     * tells what to do next. With a code, neither the code nor (in case the arguments were swapped) the UID argument
     * is ever printed.
     *
     * @param code the e-mailed code ({@code code}), null to start the login ({@code login})
     */
    private void login(String accountUid, @Nullable String code, Console console) {
        boolean withCode = code != null;
        Thing account;
        try {
            account = thingRegistry.get(new ThingUID(accountUid));
        } catch (IllegalArgumentException e) {
            account = null;
        }
        String shownUid = withCode ? "" : " " + printable(accountUid);
        if (account == null || !isAccount(account)) {
            console.println("No Dyson account thing" + shownUid + "; see '" + getCommand() + " " + ACCOUNTS + "'.");
            return;
        }
        String uid = account.getUID().getAsString();
        DysonAccountHandler handler = accountHandler(account);
        if (handler == null) {
            console.println("The account " + uid + " has no handler (" + status(account.getStatusInfo())
                    + "): is the thing enabled?");
            return;
        }
        if (code != null && code.isBlank()) {
            console.println("The code is empty: enter the code from Dyson's e-mail.");
            return;
        }
        console.println((withCode ? "Sending the code for " : "Logging in ") + uid + " ...");
        CompletableFuture<ThingStatusInfo> step = handler.loginNow(code == null ? "" : code);
        ThingStatusInfo result;
        try {
            result = step.get(loginWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.println("Interrupted; the login goes on. See '" + getCommand() + " " + ACCOUNTS + "'.");
            return;
        } catch (ExecutionException | TimeoutException e) {
            console.println("No answer from the Dyson cloud within " + loginWait.toSeconds() + " s; the account is "
                    + status(account.getStatusInfo()) + ". See '" + getCommand() + " " + ACCOUNTS + "'.");
            return;
        }
        printLoginResult(uid, withCode, result, handler, console);
    }

    private void printLoginResult(String uid, boolean withCode, ThingStatusInfo result, DysonAccountHandler handler,
            Console console) {
        String description = result.getDescription();
        String key = description == null ? "" : textKey(description);
        boolean sms = key.contains("sms");
        String enterCode = "Enter it with: " + getCommand() + " " + CODE + " " + uid + " <code>";
        if (result.getStatus() == ThingStatus.ONLINE) {
            console.println("Logged in: " + uid + " is ONLINE with " + handler.devices().size() + " devices.");
        } else if (ENTER_CODE.contains(key)) {
            console.println(withCode
                    ? "No login was waiting for a code (a code is valid for a few minutes only), so Dyson "
                            + (sms ? "sent a new one by SMS." : "e-mailed a new one.")
                    : sms ? "Dyson sent a login code by SMS to the account's mobile number."
                            : "Dyson e-mailed a login code to the account's e-mail address.");
            console.println(enterCode);
        } else if (TOKEN_INVALID.contains(key)) {
            console.println("The stored access token is no longer valid; Dyson "
                    + (sms ? "sent a new code by SMS." : "e-mailed a new code."));
            console.println(enterCode);
        } else if (WRONG_CODE.contains(key)) {
            console.println("Dyson refused the login: " + text(String.valueOf(description)));
            console.println((sms ? "Enter" : "Check the password in the account thing; enter")
                    + " the latest code with: " + getCommand() + " " + CODE + " " + uid
                    + " <code>, or ask for a new one with: " + getCommand() + " " + LOGIN + " " + uid);
        } else {
            console.println("Not logged in: " + status(result)
                    + (description == null || description.isBlank() ? "" : ": " + text(description)));
        }
    }

    /** The key of an {@code @text/} reference, empty for any other text. */
    private static String textKey(String description) {
        Matcher matcher = TEXT_REFERENCE.matcher(description.trim());
        return matcher.matches() ? matcher.group(1) : "";
    }

    /** A status description as the user reads it: an {@code @text/} reference resolved from the binding's texts. */
    private String text(String description) {
        Matcher matcher = TEXT_REFERENCE.matcher(description.trim());
        if (!matcher.matches()) {
            return printable(description);
        }
        String text = texts().getProperty(matcher.group(1));
        if (text == null) {
            return printable(description);
        }
        String arguments = matcher.group(2);
        if (arguments != null) {
            Matcher quoted = QUOTED.matcher(arguments);
            for (int index = 0; quoted.find(); index++) {
                text = text.replace("{" + index + "}", quoted.group(1));
            }
        }
        return printable(text);
    }

    /** The binding's English texts (OH-INF/i18n/dyson.properties), read once. */
    private Properties texts() {
        Properties loaded = texts;
        if (loaded == null) {
            loaded = new Properties();
            try (InputStream in = DysonConsoleCommandExtension.class.getClassLoader()
                    .getResourceAsStream("OH-INF/i18n/" + BINDING_ID + ".properties")) {
                if (in != null) {
                    loaded.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the raw references are shown instead
            }
            texts = loaded;
        }
        return loaded;
    }

    private static void printDevice(CloudDevice device, Console console) {
        ProductType productType = ProductType.fromRootTopic(device.mqttRootTopicLevel());
        ThingTypeUID thingType = device.isMqttCapable() ? DysonThingTypes.forRootTopic(device.mqttRootTopicLevel())
                : null;
        console.println(printable(device.serialNumber()) + "  \"" + printable(device.name()) + "\"");
        console.println("    product type: " + printable(device.mqttRootTopicLevel())
                + (productType == null ? "" : " (" + productType.productName() + ")") + ", model: "
                + printable(device.model()) + ", firmware: " + printable(device.firmwareVersion()));
        console.println("    connection: " + printable(device.connectionCategory()) + ", remote broker: "
                + printable(device.remoteBrokerType()) + ", local credentials: "
                + (device.hasLocalCredentials() ? "yes" : "no") + ", thing type: "
                + (thingType == null ? "not supported" : thingType.getId()));
    }

    private static boolean isAccount(Thing thing) {
        return THING_TYPE_ACCOUNT.equals(thing.getThingTypeUID());
    }

    // ---- device diagnostics

    /** A device thing with its running handler and diagnostics, or null after saying why there is none. */
    private @Nullable Device device(String uid, Console console) {
        Thing thing;
        try {
            thing = thingRegistry.get(new ThingUID(uid));
        } catch (IllegalArgumentException e) {
            console.println("Not a thing UID.");
            return null;
        }
        // the UID is not echoed: it holds the serial number of a device this command cannot redact
        if (thing == null || !(thing.getHandler() instanceof DysonDeviceHandler handler)) {
            console.println("No running Dyson device thing has that UID; see '" + getCommand() + " " + DEVICES
                    + " <accountThingUID>' or the things in the UI.");
            return null;
        }
        DeviceDiagnostics diagnostics = handler.diagnostics();
        if (diagnostics == null) {
            console.println("That thing has not been initialized (" + status(thing.getStatusInfo()) + ").");
            return null;
        }
        return new Device(thing, handler, diagnostics, console);
    }

    private void status(String uid, Console console) {
        Device device = device(uid, console);
        if (device == null) {
            return;
        }
        device.println(device.thing.getUID().getAsString() + "  " + status(device.thing.getStatusInfo()) + "  \""
                + printable(device.thing.getLabel()) + "\"");
        device.text().status(device.diagnostics.snapshot()).forEach(device::println);
    }

    private void listen(String uid, String secondsText, Console console) {
        Integer seconds = seconds(secondsText, console);
        Device device = seconds == null ? null : device(uid, console);
        if (seconds == null || device == null) {
            return;
        }
        device.println("Listening to " + device.thing.getUID() + " for " + seconds
                + " s (serial numbers and secrets redacted; the console offers no key input, Ctrl+C stops):");
        DiagnosticsText text = device.text();
        int shown = 0;
        boolean interrupted = false;
        long dropped;
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        try (TrafficSubscription traffic = device.diagnostics.tap().attach()) {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                TrafficRecord record;
                try {
                    record = traffic.poll(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    interrupted = true;
                    Thread.currentThread().interrupt();
                    break;
                }
                if (record != null) {
                    device.println(text.traffic(record, device.redactor()));
                    shown++;
                }
            }
            dropped = traffic.dropped();
        }
        long took = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        device.println((interrupted ? "Stopped after " + took + " s: " : "Time is up: ") + shown + " messages"
                + (dropped > 0 ? ", " + dropped + " more dropped (the console fell behind)" : "") + ".");
    }

    private void capture(String uid, String secondsText, String fileName, Console console) {
        Integer seconds = seconds(secondsText, console);
        Device device = seconds == null ? null : device(uid, console);
        if (seconds == null || device == null) {
            return;
        }
        Path file;
        try {
            file = Paths.get(fileName).toAbsolutePath();
        } catch (InvalidPathException e) {
            console.println("Not a file name.");
            return;
        }
        device.println("Capturing " + device.thing.getUID() + " for " + seconds + " s into " + file + " ...");
        CaptureWriter.Result result;
        try {
            result = device.handler.captureTo(file, Duration.ofSeconds(seconds));
        } catch (FileAlreadyExistsException e) {
            device.println("Nothing captured: " + file + " exists already (a capture never overwrites a file).");
            return;
        } catch (IOException | RuntimeException e) {
            device.println("Nothing captured: " + file + " cannot be written (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").");
            return;
        }
        device.println((result.interrupted() ? "Stopped early: " : "Done: ") + result.written() + " messages in "
                + file + " (" + result.leftOut() + " polling requests of the binding left out"
                + (result.dropped() > 0 ? ", " + result.dropped() + " dropped" : "") + ").");
        device.println("Serial numbers are replaced by " + device.redactor().fakeSerial()
                + ", secrets by " + Redactor.REDACTED + "; the file can be attached to a bug report as it is.");
    }

    private void reconnect(String uid, Console console) {
        Device device = device(uid, console);
        if (device == null) {
            return;
        }
        DeviceDiagnostics diagnostics = device.diagnostics;
        long reportsBefore = diagnostics.transportReports();
        Instant start = diagnostics.clock().instant();
        if (!device.handler.reconnectNow()) {
            device.println("The thing is not running (" + status(device.thing.getStatusInfo())
                    + "): nothing to reconnect.");
            return;
        }
        device.println("Reconnecting " + device.thing.getUID() + " (waiting up to " + RECONNECT_WAIT.toSeconds()
                + " s) ...");
        TransportReport report;
        try {
            report = diagnostics.awaitTransportUp(reportsBefore, RECONNECT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            device.println("Stopped waiting; the reconnect goes on.");
            return;
        }
        if (report == null) {
            report = diagnostics.snapshot().transport();
        }
        Duration took = report == null ? RECONNECT_WAIT : Duration.between(start, report.time());
        device.println(
                device.text().reconnectOutcome(report, RECONNECT_WAIT, took.isNegative() ? Duration.ZERO : took));
    }

    private static @Nullable Integer seconds(String text, Console console) {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= MAX_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        console.println("Seconds must be a whole number from 1 to " + MAX_SECONDS + ".");
        return null;
    }

    /** A device thing being diagnosed: everything printed about it goes through its redactor. */
    private static final class Device {
        final Thing thing;
        final DysonDeviceHandler handler;
        final DeviceDiagnostics diagnostics;
        private final Console console;

        Device(Thing thing, DysonDeviceHandler handler, DeviceDiagnostics diagnostics, Console console) {
            this.thing = thing;
            this.handler = handler;
            this.diagnostics = diagnostics;
            this.console = console;
        }

        Redactor redactor() {
            return diagnostics.redactor();
        }

        DiagnosticsText text() {
            return new DiagnosticsText(diagnostics.clock().getZone());
        }

        void println(String line) {
            console.println(redactor().text(line));
        }
    }

    private static @Nullable DysonAccountHandler accountHandler(Thing account) {
        return account.getHandler() instanceof DysonAccountHandler handler ? handler : null;
    }

    private static String status(ThingStatusInfo info) {
        return info.getStatusDetail() == ThingStatusDetail.NONE ? info.getStatus().name()
                : info.getStatus() + " (" + info.getStatusDetail() + ")";
    }

    /** Cloud and user texts without control characters (no terminal escapes); "-" when absent. */
    private static String printable(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
