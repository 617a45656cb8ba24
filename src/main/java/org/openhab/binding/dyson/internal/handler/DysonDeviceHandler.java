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
package org.openhab.binding.dyson.internal.handler;

import static org.openhab.binding.dyson.internal.DysonBindingConstants.BINDING_ID;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.PROPERTY_PRODUCT_TYPE;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DysonThingTypes;
import org.openhab.binding.dyson.internal.action.DysonThingActions;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.cloud.WifiSticker;
import org.openhab.binding.dyson.internal.config.DeviceConfiguration;
import org.openhab.binding.dyson.internal.device.Access;
import org.openhab.binding.dyson.internal.device.Capabilities;
import org.openhab.binding.dyson.internal.device.ChannelCatalogue;
import org.openhab.binding.dyson.internal.device.ChannelValue;
import org.openhab.binding.dyson.internal.device.DeviceCommandBuilder;
import org.openhab.binding.dyson.internal.device.DeviceFamily;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.device.DysonUnit;
import org.openhab.binding.dyson.internal.device.InvalidCommandException;
import org.openhab.binding.dyson.internal.device.NewModelNotice;
import org.openhab.binding.dyson.internal.device.PollSchedule;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.diagnostics.CaptureWriter;
import org.openhab.binding.dyson.internal.diagnostics.DeviceDiagnostics;
import org.openhab.binding.dyson.internal.diagnostics.QualitySnapshot;
import org.openhab.binding.dyson.internal.diagnostics.Redactor;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageFactory;
import org.openhab.binding.dyson.internal.protocol.MessageParseException;
import org.openhab.binding.dyson.internal.protocol.MessageParser;
import org.openhab.binding.dyson.internal.protocol.StateUpdate;
import org.openhab.binding.dyson.internal.transport.DeviceEndpoint;
import org.openhab.binding.dyson.internal.transport.DeviceLink;
import org.openhab.binding.dyson.internal.transport.DeviceLinkListener;
import org.openhab.binding.dyson.internal.transport.LinkObserver;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.transport.TransportChoice;
import org.openhab.binding.dyson.internal.transport.TransportKind;
import org.openhab.binding.dyson.internal.transport.TransportMode;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Dyson device: owns its {@link DeviceLink} (local MQTT or AWS IoT, chosen by the link), turns the device's
 * messages into channel states and commands into {@code STATE-SET} messages. Works under an account bridge or, for
 * local-only use, on its own.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DysonDeviceHandler extends BaseThingHandler implements DeviceLinkListener {

    private static final Duration REFRESH_REQUEST_GAP = Duration.ofSeconds(5);
    /** The link gives a device up after this many poll intervals without a message. */
    private static final int SILENT_POLLS = 3;
    /** The channels fed from {@link DeviceDiagnostics}, updated every refresh interval and on transport changes. */
    private static final Set<DysonChannel> QUALITY_CHANNELS = EnumSet.of(DysonChannel.LAST_MESSAGE,
            DysonChannel.COMMAND_ROUND_TRIP, DysonChannel.RECONNECTS, DysonChannel.MESSAGES_PER_HOUR);
    /** The longest capture {@link #captureTo} makes. */
    public static final Duration MAX_CAPTURE = Duration.ofHours(1);
    static final String RECONNECT_REASON = "reconnect requested";

    private final Logger logger = LoggerFactory.getLogger(DysonDeviceHandler.class);
    private final LinkSettings linkSettings;
    private final NetworkWorkers workers;
    private final DeviceCommandBuilder commands = new DeviceCommandBuilder();
    private final MessageFactory messages = commands.messages();

    private DeviceConfiguration config = new DeviceConfiguration();
    private DeviceFamily family = DeviceFamily.PURE_COOL;
    private volatile @Nullable ProductType productType;
    private DeviceState state = new DeviceState();
    private @Nullable DeviceLink link; // guarded by this, as are pollJob and disposed
    private @Nullable ScheduledFuture<?> pollJob;
    private boolean disposed = true;
    private volatile boolean waitingForAccount;
    /** Orders the link's up/down news and the status they lead to; never held while calling out. */
    private final Object statusLock = new Object();
    private volatile boolean linkUp; // written under statusLock
    /** Why the link is down, as it last reported it (for the status when the account's status changes). */
    private volatile String downReason = "";
    /** The ONLINE status text: null, or why the preferred path the user asked for is not the one in use. */
    private volatile @Nullable String onlineNote;
    private volatile boolean channelsPruned; // written under channelLock
    private final Object channelLock = new Object();
    /** Whether this start has checked the device for a product type or keys the binding does not know. */
    private final AtomicBoolean modelChecked = new AtomicBoolean();
    private volatile PollSchedule polls = new PollSchedule(60, 300);
    /** When this handler last asked the device for its state (a REFRESH asks again only after a gap). */
    private volatile Instant lastRequest = Instant.EPOCH;
    private volatile @Nullable DeviceDiagnostics diagnostics;
    private volatile @Nullable DeviceCredentials credentials;
    /** What the connection-quality channels last showed, so that an unchanged figure is not posted again. */
    private final Map<DysonChannel, State> qualityStates = new ConcurrentHashMap<>();

    public DysonDeviceHandler(Thing thing, LinkSettings linkSettings, NetworkWorkers workers) {
        super(thing);
        this.linkSettings = linkSettings;
        this.workers = workers;
    }

    @Override
    public void initialize() {
        config = getConfigAs(DeviceConfiguration.class);
        DeviceFamily thingFamily = DysonThingTypes.family(getThing().getThingTypeUID());
        if (config.serialNumber.isBlank() || thingFamily == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.device.no-serial");
            return;
        }
        TransportMode mode = config.transportMode();
        if (mode == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.device.bad-transport");
            return;
        }
        if (mode == TransportMode.CLOUD && getThing().getBridgeUID() == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.device.cloud-needs-account");
            return;
        }
        family = thingFamily;
        state = new DeviceState(config.serialNumber.trim());
        diagnostics = new DeviceDiagnostics(new Redactor(config.serialNumber.trim(), this::knownSecrets));
        qualityStates.clear();
        channelsPruned = false;
        modelChecked.set(false);
        updateProperty(Thing.PROPERTY_SERIAL_NUMBER, config.serialNumber.trim());
        updateProperty(Thing.PROPERTY_VENDOR, "Dyson");
        synchronized (this) {
            disposed = false;
        }
        updateStatus(ThingStatus.UNKNOWN);
        workers.execute(this::connect);
    }

    @Override
    public void dispose() {
        DeviceLink old;
        ScheduledFuture<?> job;
        synchronized (this) {
            disposed = true;
            old = link;
            link = null;
            job = pollJob;
            pollJob = null;
        }
        if (job != null) {
            job.cancel(false);
        }
        if (old != null) {
            old.close();
        }
    }

    private synchronized boolean isDisposed() {
        return disposed;
    }

    private synchronized @Nullable DeviceLink currentLink() {
        return link;
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        // Deliberately not core's default: a device reached locally (or over a cloud session that AWS still keeps)
        // stays ONLINE while the account is offline; one that is not connected and can only be reached through the
        // account shows OFFLINE (BRIDGE_OFFLINE). Only when the account thing itself is gone does the device start
        // over without it.
        ThingStatus status = bridgeStatusInfo.getStatus();
        if (status == ThingStatus.ONLINE) {
            accountDevicesChanged();
            accountBack();
        } else if ((status == ThingStatus.UNINITIALIZED || status == ThingStatus.REMOVED) && !isDisposed()) {
            workers.execute(this::connect);
        } else if (!isDisposed()) {
            workers.execute(this::showUnreachable);
        }
    }

    /**
     * The account is ONLINE again: a device that waits for it to get cloud credentials tries again at once, and its
     * status no longer blames the account.
     */
    private void accountBack() {
        DeviceLink current = currentLink();
        if (current == null || isDisposed() || linkUp || waitingForAccount) {
            return;
        }
        workers.execute(() -> {
            if (current.choice().onlyThroughAccount()) {
                current.retryNow("the account is back");
            }
            showUnreachable();
        });
    }

    /** The account read its device list: a thing still waiting for its device there tries again. */
    void accountDevicesChanged() {
        if (waitingForAccount && !isDisposed()) {
            workers.execute(this::connect);
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        DeviceLink current = currentLink();
        String channelId = channelUID.getId();
        DysonChannel channel = DysonChannel.find(family, channelId);
        if (command instanceof RefreshType) {
            refresh(channel, current);
            return;
        }
        if (channel == null || !channel.access().isWritable()) {
            logger.debug("Channel {} of {} takes no commands", channelId, config.serialNumber);
            return;
        }
        Object value = ChannelStates.toValue(command, channel.unit());
        if (value == null) {
            logger.debug("Command {} does not fit channel {}", command, channelId);
            return;
        }
        String json;
        try {
            json = commands.command(channel, value, state, capabilities());
        } catch (InvalidCommandException e) {
            // the user's own input, not a fault of the binding or the device: DEBUG, with the reason
            logger.debug("Command {} for {} of {} refused: {}", command, channelId, config.serialNumber,
                    e.getMessage());
            return;
        }
        if (current == null || !current.publish(json)) {
            logger.info("Command {} for {} of {} not sent: the device is not connected", command, channelId,
                    config.serialNumber);
        } else {
            logger.trace("Sent to {}: {}", config.serialNumber, json);
        }
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(DysonThingActions.class);
    }

    // ---- rule actions: the same commands as the channels, built by the same DeviceCommandBuilder

    /** A STATE-SET an action wants to send; built only when the action runs. */
    @FunctionalInterface
    private interface ActionCommand {
        String json() throws InvalidCommandException;
    }

    /**
     * Asks the device now for its state, sensor data and faults (the answers update the channels).
     *
     * @return false (and a log line) when the device is not connected
     */
    public boolean refreshNow() {
        DeviceLink current = currentLink();
        if (current == null || !current.requestCurrentData()) {
            logger.info("Refresh of {} not sent: the device is not connected", getThing().getUID());
            return false;
        }
        lastRequest = Instant.now();
        polls.askedEverything(lastRequest);
        return true;
    }

    /** Resets the filter life. @return false (and a log line) when not sent */
    public boolean resetFilter() {
        return sendAction("Filter reset",
                () -> commands.stateSet(DysonChannel.FILTER_RESET, "RESET", state, capabilities()));
    }

    /**
     * Makes the device sweep between two angles (degrees), set in one command.
     *
     * @return false (and a log line) when the device has no oscillation angles, the angles break a rule or the
     *         command was not sent
     */
    public boolean setOscillationWindow(int lowerAngle, int upperAngle) {
        return sendAction("Oscillation window " + lowerAngle + "°–" + upperAngle + "°",
                () -> commands.oscillationWindow(lowerAngle, upperAngle, state, capabilities()));
    }

    /** Sets the sleep timer in minutes (0 switches it off). @return false (and a log line) when not sent */
    public boolean setSleepTimer(int minutes) {
        return sendAction("Sleep timer " + minutes + " min",
                () -> commands.stateSet(DysonChannel.SLEEP_TIMER, BigDecimal.valueOf(minutes), state, capabilities()));
    }

    private boolean sendAction(String what, ActionCommand command) {
        String json;
        try {
            json = command.json();
        } catch (InvalidCommandException e) {
            logger.warn("{} for {} refused: {}", what, getThing().getUID(), e.getMessage());
            return false;
        }
        DeviceLink current = currentLink();
        if (current == null || !current.publish(json)) {
            logger.info("{} for {} not sent: the device is not connected", what, getThing().getUID());
            return false;
        }
        logger.trace("Sent to {}: {}", config.serialNumber, json);
        return true;
    }

    // ---- connecting

    private void connect() {
        if (isDisposed()) {
            return;
        }
        DysonAccountHandler account = accountHandler();
        CloudDevice device = account == null ? null : account.findDevice(config.serialNumber.trim());
        if (getThing().getBridgeUID() != null && device == null && config.productType.isBlank()) {
            waitingForAccount = true;
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, "@text/offline.device.no-account");
            return;
        }
        waitingForAccount = false;
        String rootTopic;
        if (device != null) {
            rootTopic = device.mqttRootTopicLevel();
        } else if (config.productType.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.device.no-product-type");
            return;
        } else {
            ProductType configured = ProductType.fromRootTopic(config.productType);
            if (configured == null) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, StatusTexts.withArgument(
                        "@text/offline.device.unknown-product-type", String.join(", ", ProductType.rootTopics())));
                return;
            }
            rootTopic = configured.rootTopic();
        }
        productType = ProductType.fromRootTopic(rootTopic);
        updateDeviceProperties(rootTopic, device);
        TransportMode mode = Objects.requireNonNull(config.transportMode());
        DeviceEndpoint endpoint = new DeviceEndpoint(config.serialNumber.trim(), rootTopic, config.host(),
                config.port, mode, device != null && device.usesRemoteBroker());
        int interval = config.localInterval();
        polls = new PollSchedule(interval, config.cloudInterval());
        LinkSettings.Recovery recovery = linkSettings.recovery().withSilenceLimits(
                Duration.ofSeconds(SILENT_POLLS * interval), Duration.ofSeconds(SILENT_POLLS * config.cloudInterval()));
        DeviceCredentials newCredentials = new DeviceCredentials(config, this::accountHandler);
        credentials = newCredentials;
        DeviceDiagnostics observer = diagnostics;
        DeviceLink newLink = new DeviceLink(endpoint, newCredentials, this, scheduler, workers,
                linkSettings.withRecovery(recovery), observer == null ? LinkObserver.NONE : observer);
        DeviceLink old;
        synchronized (this) {
            if (disposed) {
                return; // disposed while this connect was under way: the new link was never started
            }
            old = link;
            link = newLink;
            ScheduledFuture<?> oldJob = pollJob;
            if (oldJob != null) {
                oldJob.cancel(false);
            }
            pollJob = scheduler.scheduleWithFixedDelay(() -> {
                pollState(newLink, false);
                updateQualityChannels(false);
            }, interval, interval, TimeUnit.SECONDS);
        }
        if (old != null) {
            old.close();
        }
        synchronized (statusLock) { // never inside synchronized (this): updateStatus takes that one under statusLock
            linkUp = false;
            downReason = "";
            onlineNote = null;
        }
        newLink.start(); // a dispose from now on closes newLink, and a closed link does not start
    }

    private void updateDeviceProperties(String rootTopic, @Nullable CloudDevice device) {
        Map<String, String> properties = editProperties();
        properties.put(PROPERTY_PRODUCT_TYPE, rootTopic);
        ProductType type = productType;
        if (device != null && device.model() != null) {
            properties.put(Thing.PROPERTY_MODEL_ID, Objects.requireNonNull(device.model()));
        } else if (type != null) {
            properties.put(Thing.PROPERTY_MODEL_ID, String.join("/", type.models()));
        }
        if (device != null && device.firmwareVersion() != null) {
            properties.put(Thing.PROPERTY_FIRMWARE_VERSION, Objects.requireNonNull(device.firmwareVersion()));
        }
        updateProperties(properties);
    }

    /**
     * Core sends a refresh for every linked channel: answer from the last known state and ask the device again at
     * most every {@link #REFRESH_REQUEST_GAP}.
     */
    private void refresh(@Nullable DysonChannel channel, @Nullable DeviceLink current) {
        if (channel != null && QUALITY_CHANNELS.contains(channel)) {
            updateQualityChannels(true);
            return;
        }
        if (channel != null && ChannelCatalogue.answersRefresh(channel, state)) {
            updateState(channel.uidSuffix(), ChannelStates.toState(channel.decode(state)));
        }
        if (current != null && Duration.between(lastRequest, Instant.now()).compareTo(REFRESH_REQUEST_GAP) >= 0) {
            pollState(current, true);
        }
    }

    private void pollState(DeviceLink current, boolean now) {
        PollSchedule.Poll poll = polls.due(Instant.now(), current.transport() == TransportKind.CLOUD, now);
        if (poll != PollSchedule.Poll.NOTHING) {
            lastRequest = Instant.now();
            current.publish(messages.requestCurrentState());
            if (family.isRobot()) {
                return; // a robot vacuum knows no other request
            }
            current.publish(messages.requestEnvironment());
        }
        if (poll == PollSchedule.Poll.STATE_SENSORS_AND_FAULTS) {
            current.publish(messages.requestCurrentFaults());
        }
    }

    private @Nullable DysonAccountHandler accountHandler() {
        Bridge bridge = getBridge();
        return bridge != null && bridge.getHandler() instanceof DysonAccountHandler account ? account : null;
    }

    private Capabilities capabilities() {
        ProductType type = productType;
        return type != null ? Capabilities.detect(type, state) : Capabilities.detect(family, state);
    }

    // ---- what the link reports

    @Override
    public void onMessage(String topic, String payload) {
        if (isDisposed()) {
            return;
        }
        StateUpdate update;
        try {
            update = state.apply(MessageParser.parse(payload));
        } catch (MessageParseException e) {
            logger.debug("Ignoring a message from {} on {}: {}", config.serialNumber, topic, e.getMessage());
            return;
        }
        logger.trace("From {} on {}: {}", config.serialNumber, topic, payload);
        List<DysonChannel> affected = ChannelCatalogue.affectedBy(family, update);
        for (DysonChannel channel : affected) {
            if (channel.access() != Access.TRIGGER) {
                updateState(channel.uidSuffix(), ChannelStates.toState(channel.decode(state)));
            }
        }
        for (String event : update.events()) {
            triggerChannel(DysonChannel.EVENTS.uidSuffix(), event);
        }
        goOnlineWhenReady();
        followTheDevice(affected);
        checkModel();
    }

    /**
     * Once per start, when the device has sent its state and its sensor data: one INFO line if its product type or
     * some of its keys are unknown to the binding, naming them and the console command that captures its traffic.
     */
    private void checkModel() {
        if (!state.isCurrentStateReceived() || !state.isSensorDataReceived() || !modelChecked.compareAndSet(false,
                true)) {
            return;
        }
        String notice = NewModelNotice.text(getThing().getUID().getAsString(),
                getThing().getProperties().get(PROPERTY_PRODUCT_TYPE), state.unknownKeys());
        if (notice != null) {
            logger.info("{}", notice);
        }
    }

    @Override
    public void onTransportChanged(TransportKind kind, String reason) {
        if (isDisposed()) {
            return;
        }
        updateState(DysonChannel.TRANSPORT.uidSuffix(), new StringType(kind.name()));
        updateState(DysonChannel.TRANSPORT_REASON.uidSuffix(), new StringType(reason));
        if (kind == TransportKind.NONE) {
            synchronized (statusLock) {
                linkUp = false;
                downReason = reason;
            }
            showUnreachable();
            updateQualityChannels(false);
            return;
        }
        logger.debug("{} connected over {}: {}", config.serialNumber, kind, reason);
        polls.askedEverything(Instant.now()); // the link has just asked for everything
        DeviceLink current = currentLink();
        TransportChoice.Gap gap = current == null ? null : current.choice().gap();
        String note = gap == null ? null : switch (gap) {
            case LOCAL_FIRST_NO_HOST -> "@text/online.device.local-first-no-host";
            case LOCAL_FIRST_NO_CREDENTIALS -> "@text/online.device.local-first-no-credentials";
            case CLOUD_FIRST_NO_ACCOUNT -> "@text/online.device.cloud-first-no-account";
        };
        synchronized (statusLock) {
            linkUp = true;
            onlineNote = note;
            ThingStatusInfo shown = getThing().getStatusInfo();
            if (shown.getStatus() == ThingStatus.ONLINE && !Objects.equals(note, shown.getDescription())
                    && !isDisposed()) {
                updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, note);
            }
        }
        goOnlineWhenReady();
        updateQualityChannels(false);
    }

    /**
     * OFFLINE with the reason the link gave, while it is down: BRIDGE_OFFLINE when the account is this device's only
     * path and the account is not ONLINE, else COMMUNICATION_ERROR.
     */
    private void showUnreachable() {
        DeviceLink current = currentLink();
        if (current == null) {
            return;
        }
        boolean accountsFault = accountNotOnline() && current.choice().onlyThroughAccount();
        synchronized (statusLock) {
            if (linkUp || downReason.isEmpty() || current != currentLink() || isDisposed()) {
                return;
            }
            ThingStatusInfo shown = accountsFault
                    ? new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE,
                            StatusTexts.withArgument("@text/offline.device.account-offline", downReason))
                    : new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                            StatusTexts.withArgument("@text/offline.device.no-transport", downReason));
            if (!shown.equals(getThing().getStatusInfo())) { // the account's status changes often say nothing new
                updateStatus(shown.getStatus(), shown.getStatusDetail(), shown.getDescription());
            }
        }
    }

    private boolean accountNotOnline() {
        Bridge bridge = getBridge();
        return bridge != null && bridge.getStatus() != ThingStatus.ONLINE;
    }

    /** ONLINE once the link is up and the device has sent its state and is present. */
    private void goOnlineWhenReady() {
        synchronized (statusLock) {
            if (linkUp && state.isCurrentStateReceived() && state.isDevicePresent()
                    && getThing().getStatus() != ThingStatus.ONLINE && !isDisposed()) {
                updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, onlineNote);
            }
        }
    }

    @Override
    public void onCommandUndelivered(String json, String reason) {
        logger.info("Command for {} not sent: {} ({})", config.serialNumber, reason, json);
    }

    /** Whether this thing is the device with this serial number. */
    public boolean serves(String serial) {
        return config.serialNumber.trim().equalsIgnoreCase(serial);
    }

    /**
     * The device announced itself on the network (mDNS), possibly at a new address: a thing waiting to reconnect
     * tries at once.
     */
    public void deviceAnnounced(@Nullable String announcedHost) {
        DeviceLink current = currentLink();
        if (current != null) {
            current.wakeUp(config.hostname.isBlank() ? announcedHost : null);
        }
    }

    @Override
    public void onDeviceOffline(String reason) {
        if (isDisposed()) {
            return;
        }
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                StatusTexts.withArgument("@text/offline.device.gone-away", reason));
    }

    @Override
    public void onDeviceOnline() {
        synchronized (statusLock) {
            if (linkUp && state.isCurrentStateReceived() && getThing().getStatus() != ThingStatus.ONLINE
                    && !isDisposed()) {
                updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, onlineNote);
            }
        }
    }

    // ---- diagnostics

    /** This device's diagnostics (traffic tap, quality figures, redaction); null before the first initialize. */
    public @Nullable DeviceDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * Drops the device's connection and makes it again at once, with the back-off started afresh; the outcome shows
     * in {@link #diagnostics()} ({@link DeviceDiagnostics#awaitTransportUp}). A thing without a link (waiting for its
     * account, say) starts connecting.
     *
     * @return false when the thing is not running (disposed or misconfigured): nothing to reconnect
     */
    public boolean reconnectNow() {
        DeviceLink current = currentLink();
        if (current != null) {
            logger.debug("{}: reconnect requested", config.serialNumber);
            current.reconnectNow(RECONNECT_REASON);
            return true;
        }
        if (isDisposed()) {
            return false;
        }
        workers.execute(this::connect);
        return true;
    }

    /**
     * Captures the device's MQTT traffic for {@code duration} into {@code file} as sanitised JSON Lines in the format
     * of the project's recorded captures (see {@link CaptureWriter}): for the rule actions and the console. Blocks the
     * calling thread for the duration (an interrupt ends it early); never overwrites a file.
     *
     * @throws IllegalArgumentException when the duration is not between 1 s and {@link #MAX_CAPTURE}
     * @throws IllegalStateException when the thing has not been initialized
     * @throws IOException when the file exists already or cannot be written
     */
    public CaptureWriter.Result captureTo(Path file, Duration duration) throws IOException {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_CAPTURE) > 0) {
            throw new IllegalArgumentException("a capture lasts from 1 s to " + MAX_CAPTURE.toMinutes() + " min");
        }
        DeviceDiagnostics current = diagnostics;
        if (current == null) {
            throw new IllegalStateException("the thing has not been initialized");
        }
        return CaptureWriter.capture(current, file, duration);
    }

    /** Posts the connection-quality figures; unchanged ones only when {@code all}. */
    private void updateQualityChannels(boolean all) {
        DeviceDiagnostics current = diagnostics;
        if (current == null || isDisposed()) {
            return;
        }
        QualitySnapshot quality = current.snapshot();
        Instant last = quality.lastMessageReceived();
        Duration roundTrip = quality.roundTrip();
        Map<DysonChannel, State> states = Map.of(DysonChannel.LAST_MESSAGE,
                last == null ? UnDefType.UNDEF : new DateTimeType(last), DysonChannel.COMMAND_ROUND_TRIP,
                roundTrip == null ? UnDefType.UNDEF
                        : ChannelStates.toState(new ChannelValue.Quantity(BigDecimal.valueOf(roundTrip.toMillis()),
                                DysonUnit.MILLISECOND)),
                DysonChannel.RECONNECTS, new DecimalType(quality.reconnectsLastDay()), DysonChannel.MESSAGES_PER_HOUR,
                new DecimalType(quality.messagesLastHour()));
        for (DysonChannel channel : QUALITY_CHANNELS) {
            State value = Objects.requireNonNull(states.get(channel));
            if (all || !value.equals(qualityStates.get(channel))) {
                qualityStates.put(channel, value);
                updateState(channel.uidSuffix(), value);
            }
        }
    }

    /** Everything diagnostics output of this device must not show: passwords, tokens, the account's login. */
    private Collection<String> knownSecrets() {
        List<String> secrets = new ArrayList<>();
        DeviceConfiguration current = config;
        secrets.add(current.localPassword.trim());
        secrets.add(current.wifiPassword.trim());
        if (!current.wifiPassword.isBlank()) {
            secrets.add(WifiSticker.mqttPassword(current.wifiPassword.trim()));
        }
        DeviceCredentials handedOut = credentials;
        if (handedOut != null) {
            secrets.addAll(handedOut.secrets());
        }
        DysonAccountHandler account = accountHandler();
        if (account != null) {
            secrets.addAll(account.secrets());
        }
        secrets.removeIf(String::isBlank);
        return secrets;
    }

    /**
     * Keeps the thing's channels to the ones the device has. Once it has reported state and sensors: removes the
     * channels it lacks and adds back the ones it has that the thing lacks (removed in an earlier run). From then on
     * a channel whose key appears later (a firmware update that adds a sensor, say) comes back with its state. A key
     * that disappears later does not remove its channel again.
     *
     * @param affected the channels fed by the keys the latest message changed
     */
    private void followTheDevice(List<DysonChannel> affected) {
        if (!state.isCurrentStateReceived() || !state.isSensorDataReceived()) {
            return;
        }
        synchronized (channelLock) {
            boolean first = !channelsPruned;
            if (!first && affected.stream().allMatch(channel -> getThing().getChannel(channel.uidSuffix()) != null)) {
                return; // the usual case: nothing new
            }
            channelsPruned = true;
            List<DysonChannel> unsupported = ChannelCatalogue.unsupportedChannels(family, state);
            List<Channel> removed = new ArrayList<>();
            if (first) {
                for (DysonChannel channel : unsupported) {
                    Channel existing = getThing().getChannel(channel.uidSuffix());
                    if (existing != null) {
                        removed.add(existing);
                    }
                }
            }
            List<DysonChannel> added = new ArrayList<>();
            List<Channel> channels = new ArrayList<>(getThing().getChannels());
            channels.removeAll(removed);
            for (DysonChannel channel : first ? ChannelCatalogue.channelsOf(family) : affected) {
                if (!unsupported.contains(channel) && getThing().getChannel(channel.uidSuffix()) == null) {
                    Channel built = buildChannel(channel);
                    if (built != null) {
                        channels.add(built);
                        added.add(channel);
                    }
                }
            }
            if (removed.isEmpty() && added.isEmpty()) {
                return;
            }
            if (!removed.isEmpty()) {
                logger.debug("{} lacks {} channels; removing them", config.serialNumber, removed.size());
            }
            if (!added.isEmpty()) {
                logger.debug("{} now reports {}; adding the channels", config.serialNumber,
                        added.stream().map(DysonChannel::uidSuffix).toList());
            }
            channels.sort(Comparator.comparingInt(DysonDeviceHandler::catalogueIndex));
            updateThing(editThing().withChannels(channels).build());
            for (DysonChannel channel : added) {
                if (channel.access() != Access.TRIGGER && ChannelCatalogue.answersRefresh(channel, state)) {
                    updateState(channel.uidSuffix(), ChannelStates.toState(channel.decode(state)));
                }
            }
        }
    }

    /**
     * A channel of this thing's type as core builds it from the thing type (its group's channel definitions), as
     * when the thing was created; null when core does not know the group type.
     */
    private @Nullable Channel buildChannel(DysonChannel channel) {
        ThingHandlerCallback callback = getCallback();
        if (callback == null) {
            return null;
        }
        ChannelUID uid = new ChannelUID(getThing().getUID(), channel.uidSuffix());
        ChannelGroupUID group = new ChannelGroupUID(getThing().getUID(), channel.group().id());
        ChannelGroupTypeUID groupType = new ChannelGroupTypeUID(BINDING_ID, channel.group().groupTypeId(family));
        try {
            for (ChannelBuilder builder : callback.createChannelBuilders(group, groupType)) {
                Channel built = builder.build();
                if (built.getUID().equals(uid)) {
                    return built;
                }
            }
        } catch (IllegalArgumentException e) {
            logger.debug("Cannot build channel {}: {}", uid, e.getMessage());
            return null;
        }
        logger.debug("The thing type has no channel {}", uid);
        return null;
    }

    /** Where a channel stands in the catalogue (the thing type's order); unknown channels last. */
    private static int catalogueIndex(Channel channel) {
        String id = channel.getUID().getId();
        for (DysonChannel known : DysonChannel.values()) {
            if (known.uidSuffix().equals(id)) {
                return known.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
