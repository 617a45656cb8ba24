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
package org.openhab.binding.dyson.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.discovery.DysonDeviceDiscoveryService;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.binding.dyson.internal.testworld.DysonTestWorld;
import org.openhab.binding.dyson.internal.testworld.DysonTestWorld.SimulatedDevice;
import org.openhab.binding.dyson.internal.testworld.SimulatorOptions;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.storage.Storage;
import org.openhab.core.storage.StorageService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.types.State;

/**
 * The README's walk-through "try the whole binding without a Dyson", as far as a test can: the simulator runs, the
 * binding starts with the system properties the README gives openHAB ({@code apiHost}, {@code extraCa} pointing at
 * the simulator's {@code test-ca.pem}, {@code iotPort}), an account thing logs in with the code the simulator prints,
 * every simulated device is in the inbox, one approved device thing runs over the cloud (the AWS IoT stand-in, TLS
 * with the extra CA) and one locally (host and port of the simulator's broker). Handlers come from the binding's
 * {@link DysonHandlerFactory} with openHAB's factories as Mockito mocks; the host names resolve through the test
 * JVM's {@code jdk.net.hosts.file}, as they would through the simulator's hosts file in openHAB.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class TryWithoutDysonTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern PRINTED_CODE = Pattern
            .compile("E-mail to " + Pattern.quote(DysonTestWorld.EMAIL) + ": your code is (\\d{6})");
    private static final String CLOUD_FAMILY = "438M";
    private static final String LOCAL_FAMILY = "475";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path directory = Path.of(".");

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> cleanUp = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).close();
        }
    }

    @Test
    void loginInboxCloudAndLocalAgainstTheSimulator() throws Exception {
        DysonTestWorld world = DysonTestWorld.start(SimulatorOptions.anyPorts(SimulatorOptions.DEFAULT_FAMILIES,
                Duration.ZERO, directory), console::add);
        cleanUp.add(world);

        // openHAB's HTTP client factory: the shared client trusts the runtime's CAs only (so it cannot reach the
        // stand-ins); a client made with a TLS context factory uses that one, as openHAB's does
        HttpClient common = new HttpClient(new SslContextFactory.Client());
        common.start();
        cleanUp.add(common::stop);
        List<HttpClient> ownClients = new CopyOnWriteArrayList<>();
        HttpClientFactory httpClientFactory = mock(HttpClientFactory.class);
        when(httpClientFactory.getCommonHttpClient()).thenReturn(common);
        doAnswer(call -> {
            HttpClient client = new HttpClient(call.<SslContextFactory> getArgument(1));
            ownClients.add(client);
            return client;
        }).when(httpClientFactory).createHttpClient(anyString(), any(SslContextFactory.class));
        StorageService storageService = mock(StorageService.class);
        Storage<String> storage = MemoryStorage.create();
        when(storageService.<String> getStorage(eq("dyson"), any())).thenReturn(storage);

        // the options the simulator prints for openHAB's EXTRA_JAVA_OPTS (the test JVM resolves the same host names
        // through src/test/resources/test-hosts: jdk.net.hosts.file cannot change once the JVM runs)
        Map<String, String> options = javaOptions(world.openHabOptions());
        assertEquals(world.hostsFile().toString(), options.get("jdk.net.hosts.file"));
        assertEquals(Set.of("jdk.net.hosts.file", DysonHandlerFactory.PROPERTY_API_HOST,
                DysonHandlerFactory.PROPERTY_EXTRA_CA, DysonHandlerFactory.PROPERTY_IOT_PORT), options.keySet());
        assertEquals(world.caFile().toString(), options.get(DysonHandlerFactory.PROPERTY_EXTRA_CA));
        DysonHandlerFactory factory;
        options.forEach((key, value) -> {
            if (key.startsWith("org.openhab.binding.dyson.")) {
                System.setProperty(key, value);
            }
        });
        try {
            factory = new DysonHandlerFactory(httpClientFactory, storageService);
        } finally {
            options.keySet().stream().filter(key -> key.startsWith("org.openhab.binding.dyson."))
                    .forEach(System::clearProperty);
        }

        // the user adds the account thing with the simulator's account
        Map<String, @Nullable Object> accountConfig = new HashMap<>();
        accountConfig.put("email", DysonTestWorld.EMAIL);
        accountConfig.put("password", DysonTestWorld.PASSWORD);
        accountConfig.put("countryCode", "GB");
        Bridge bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, "simulator")
                .withLabel("Dyson Account").withConfiguration(new Configuration(accountConfig)).build();
        DysonAccountHandler account = assertInstanceOf(DysonAccountHandler.class, factory.registerHandler(bridge));
        bridge.setHandler(account);
        account.setCallback(mock(ThingHandlerCallback.class));
        List<DiscoveryResult> inbox = new CopyOnWriteArrayList<>();
        DysonDeviceDiscoveryService discovery = new DysonDeviceDiscoveryService();
        DiscoveryListener listener = mock(DiscoveryListener.class);
        doAnswer(call -> inbox.add(call.getArgument(1))).when(listener).thingDiscovered(any(), any());
        discovery.addDiscoveryListener(listener);
        discovery.setThingHandler(account);
        discovery.initialize();
        cleanUp.add(() -> factory.unregisterHandler(bridge));
        cleanUp.add(account::dispose);
        cleanUp.add(discovery::dispose);
        account.initialize();
        await("the account asks for the code").atMost(WAIT).until(() -> bridge.getStatusInfo().getStatusDetail()
                == ThingStatusDetail.CONFIGURATION_PENDING && printedCode() != null);
        assertEquals(1, ownClients.size(), "one HTTP client of the binding's own, trusting the extra CA");

        // ... types the code printed on the simulator's console
        account.handleConfigurationUpdate(Map.of("otpCode", String.valueOf(printedCode())));
        await("the account ONLINE").atMost(WAIT).until(() -> bridge.getStatus() == ThingStatus.ONLINE);

        // every simulated device is in the inbox, under its thing type
        Set<String> expected = world.devices().stream()
                .map(device -> device.productType().thingTypeId() + " " + device.serial())
                .collect(Collectors.toSet());
        await("every device in the inbox").atMost(WAIT).until(() -> inboxEntries(inbox).equals(expected));
        assertEquals(SimulatorOptions.DEFAULT_FAMILIES.size(), expected.size());

        // approved as it is, a device runs over the cloud (the simulator lists its devices with remote broker wss)
        Device overCloud = approve(factory, bridge, account, inbox, device(world, CLOUD_FAMILY), Map.of());
        await("the cloud thing ONLINE").atMost(WAIT)
                .until(() -> overCloud.handler.getThing().getStatus() == ThingStatus.ONLINE);
        assertEquals("CLOUD", String.valueOf(overCloud.states.get("status#transport")));
        overCloud.setsFanSpeedOf(device(world, CLOUD_FAMILY));

        // and one set to the simulator's broker runs locally
        Device local = approve(factory, bridge, account, inbox, device(world, LOCAL_FAMILY),
                Map.of("transport", "local", "hostname", DysonTestWorld.HOST, "port",
                        BigDecimal.valueOf(world.brokerPort())));
        await("the local thing ONLINE").atMost(WAIT)
                .until(() -> local.handler.getThing().getStatus() == ThingStatus.ONLINE);
        assertEquals("LOCAL", String.valueOf(local.states.get("status#transport")));
        local.setsFanSpeedOf(device(world, LOCAL_FAMILY));

        // the account thing goes: its HTTP client is stopped
        account.dispose();
        factory.unregisterHandler(bridge);
        assertTrue(ownClients.get(0).isStopped());

        // what was used is in the log at INFO, without a secret
        List<String> info = logs.lines().stream()
                .filter(line -> line.startsWith("INFO " + DysonHandlerFactory.class.getName())).toList();
        assertTrue(info.stream().anyMatch(line -> line.contains(world.cloudBaseUrl())), info.toString());
        assertTrue(info.stream().anyMatch(line -> line.contains(world.caFile().toString())), info.toString());
        assertTrue(info.stream().anyMatch(line -> line.contains("port " + world.iotPort())), info.toString());
        logs.assertNoneContains(List.of(DysonTestWorld.PASSWORD));
    }

    @Test
    void anUnreadableCaKeepsTheAccountOfflineWithTheReasonInsteadOfFallingBackToDyson() {
        HttpClientFactory httpClientFactory = mock(HttpClientFactory.class);
        when(httpClientFactory.getCommonHttpClient()).thenReturn(new HttpClient());
        StorageService storageService = mock(StorageService.class);
        Storage<String> storage = MemoryStorage.create();
        when(storageService.<String> getStorage(eq("dyson"), any())).thenReturn(storage);
        Path missing = directory.resolve("test-ca.pem");
        DysonHandlerFactory factory;
        System.setProperty(DysonHandlerFactory.PROPERTY_API_HOST, "https://appapi.cp.dyson.test:11443");
        System.setProperty(DysonHandlerFactory.PROPERTY_EXTRA_CA, missing.toString());
        try {
            factory = new DysonHandlerFactory(httpClientFactory, storageService);
        } finally {
            System.clearProperty(DysonHandlerFactory.PROPERTY_API_HOST);
            System.clearProperty(DysonHandlerFactory.PROPERTY_EXTRA_CA);
        }
        Bridge bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, "simulator")
                .withConfiguration(new Configuration(Map.of("email", DysonTestWorld.EMAIL, "password",
                        DysonTestWorld.PASSWORD, "countryCode", "GB")))
                .build();
        ThingHandler account = factory.registerHandler(bridge);
        account.setCallback(mock(ThingHandlerCallback.class));
        account.initialize();
        cleanUp.add(account::dispose);

        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.cloud-override-invalid [\"extra CA: cannot read " + missing
                        + " (NoSuchFileException)\"]"),
                bridge.getStatusInfo());
        verify(httpClientFactory, never()).createHttpClient(anyString(), any());
        assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("WARN " + DysonHandlerFactory.class.getName())
                && line.contains(missing.toString())), logs.lines().toString());
    }

    @Test
    void withoutThePropertiesNothingChangesAndNothingIsLogged() {
        HttpClientFactory httpClientFactory = mock(HttpClientFactory.class);
        when(httpClientFactory.getCommonHttpClient()).thenReturn(new HttpClient());
        StorageService storageService = mock(StorageService.class);
        Storage<String> storage = MemoryStorage.create();
        when(storageService.<String> getStorage(eq("dyson"), any())).thenReturn(storage);
        DysonHandlerFactory factory = new DysonHandlerFactory(httpClientFactory, storageService);
        Bridge bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, "home").build();
        assertInstanceOf(DysonAccountHandler.class, factory.registerHandler(bridge));
        factory.unregisterHandler(bridge);

        verify(httpClientFactory, never()).createHttpClient(anyString(), any());
        assertEquals(List.of(), logs.lines().stream()
                .filter(line -> line.contains(DysonHandlerFactory.class.getName())).toList());
    }

    /** {@code -Dkey=value} options separated by spaces. */
    private static Map<String, String> javaOptions(String line) {
        Map<String, String> options = new HashMap<>();
        for (String option : line.trim().split(" +")) {
            assertTrue(option.startsWith("-D") && option.indexOf('=') > 2, option);
            options.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
        }
        return options;
    }

    private @Nullable String printedCode() {
        String code = null;
        for (String line : console) {
            Matcher matcher = PRINTED_CODE.matcher(line);
            if (matcher.matches()) {
                code = matcher.group(1);
            }
        }
        return code;
    }

    private static Set<String> inboxEntries(List<DiscoveryResult> inbox) {
        return inbox.stream().map(result -> result.getThingTypeUID().getId() + " "
                + result.getProperties().get(DysonBindingConstants.CONFIG_SERIAL_NUMBER)).collect(Collectors.toSet());
    }

    private static SimulatedDevice device(DysonTestWorld world, String family) {
        return world.devices().stream().filter(device -> device.productType().rootTopic().equals(family)).findFirst()
                .orElseThrow();
    }

    /**
     * The user approves the inbox entry of a device (its properties that are configuration parameters become the
     * configuration, as openHAB's inbox does) and sets the given parameters; core starts the thing's handler.
     */
    private Device approve(DysonHandlerFactory factory, Bridge bridge, DysonAccountHandler account,
            List<DiscoveryResult> inbox, SimulatedDevice device, Map<String, Object> edits) {
        DiscoveryResult result = inbox.stream().filter(entry -> device.serial()
                .equals(entry.getProperties().get(DysonBindingConstants.CONFIG_SERIAL_NUMBER))).findFirst()
                .orElseThrow();
        Map<String, Object> config = new HashMap<>();
        for (String parameter : List.of(DysonBindingConstants.CONFIG_SERIAL_NUMBER,
                DysonBindingConstants.PROPERTY_PRODUCT_TYPE)) {
            Object value = result.getProperties().get(parameter);
            assertNotNull(value, parameter);
            config.put(parameter, value);
        }
        config.putAll(edits);
        ThingUID uid = result.getThingUID();
        Thing thing = DeviceThings.build(device.productType().rootTopic(), uid.getId(), config, bridge);
        assertEquals(uid, thing.getUID());
        ThingHandler handler = factory.registerHandler(thing);
        Device created = new Device(thing, assertInstanceOf(DysonDeviceHandler.class, handler), bridge);
        thing.setHandler(handler);
        account.childHandlerInitialized(handler, thing);
        cleanUp.add(() -> factory.unregisterHandler(thing));
        cleanUp.add(handler::dispose);
        handler.initialize();
        return created;
    }

    /**
     * A device thing with a Mockito callback that keeps the last state per channel. Its status is read from the
     * handler's thing: removing the channels a device lacks replaces the thing (updateThing), as in openHAB.
     */
    private static final class Device {

        final Thing thing;
        final DysonDeviceHandler handler;
        final Map<String, State> states = new ConcurrentHashMap<>();

        Device(Thing thing, DysonDeviceHandler handler, Bridge bridge) {
            this.thing = thing;
            this.handler = handler;
            ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
            doAnswer(call -> states.put(call.<ChannelUID> getArgument(0).getId(), call.getArgument(1)))
                    .when(callback).stateUpdated(any(), any());
            doAnswer(call -> bridge).when(callback).getBridge(any());
            handler.setCallback(callback);
        }

        /** A fan speed command reaches the simulated device and comes back as the channel's state. */
        void setsFanSpeedOf(SimulatedDevice device) {
            String channel = DysonChannel.FAN_SPEED.uidSuffix();
            int speed = "0003".equals(device.simulator().productState().get("fnsp")) ? 6 : 3;
            handler.handleCommand(new ChannelUID(thing.getUID(), channel), new DecimalType(speed));
            await().atMost(WAIT)
                    .until(() -> String.format("%04d", speed).equals(device.simulator().productState().get("fnsp")));
            await().atMost(WAIT).until(() -> String.valueOf(speed).equals(String.valueOf(states.get(channel))));
            assertFalse(states.isEmpty());
        }
    }
}
