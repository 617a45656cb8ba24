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

import static org.openhab.binding.dyson.internal.DysonBindingConstants.*;

import java.util.HashSet;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.openhab.binding.dyson.internal.cloud.CloudOverride;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.transport.TransportSettings;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.storage.Storage;
import org.openhab.core.storage.StorageService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the handlers of the Dyson binding.
 * <p>
 * Another Dyson cloud (for trying the binding against the simulator, README section "Trying It Without a Dyson") is
 * set with Java system properties, e.g. in openHAB's {@code EXTRA_JAVA_OPTS}: {@value #PROPERTY_API_HOST},
 * {@value #PROPERTY_EXTRA_CA} and {@value #PROPERTY_IOT_PORT}. They are read once, when the binding starts, and
 * logged at INFO when set. With an extra CA the accounts share an HTTP client of their own from openHAB's
 * {@link HttpClientFactory} that trusts it (openHAB's shared client must not be changed); it is stopped when the
 * last account handler goes.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = ThingHandlerFactory.class, configurationPid = "binding.dyson")
public class DysonHandlerFactory extends BaseThingHandlerFactory {

    /** The Dyson API base URL instead of Dyson's servers, e.g. {@code https://appapi.cp.dyson.test:11443}. */
    public static final String PROPERTY_API_HOST = "org.openhab.binding.dyson.apiHost";
    /** A PEM file whose certificates are trusted besides the usual CAs, for the API and AWS IoT. */
    public static final String PROPERTY_EXTRA_CA = "org.openhab.binding.dyson.extraCa";
    /** The port of the AWS IoT endpoints instead of 443. */
    public static final String PROPERTY_IOT_PORT = "org.openhab.binding.dyson.iotPort";

    private static final int MAX_NETWORK_THREADS = 32;
    private static final String HTTP_CLIENT_NAME = "dyson";

    private final Logger logger = LoggerFactory.getLogger(DysonHandlerFactory.class);
    private final HttpClientFactory httpClientFactory;
    private final HttpClient commonHttpClient;
    private final Storage<String> storage;
    private final CloudOverride cloudOverride;
    /** Why the other cloud set in the system properties cannot be used; null when it can or none is set. */
    private final @Nullable String cloudOverrideProblem;
    private final LinkSettings linkSettings;
    /**
     * Connects, cloud calls and probes of every Dyson thing run here, never on openHAB's shared pools. Its threads
     * end 30 s after the last work, so it needs no shutdown when the bundle stops.
     */
    private final NetworkWorkers workers = new NetworkWorkers(MAX_NETWORK_THREADS);
    /** Guards {@link #ownHttpClient} and {@link #ownHttpClientUsers}. */
    private final Object ownHttpClientLock = new Object();
    /** The HTTP client trusting the extra CA, while an account handler uses it. */
    private @Nullable HttpClient ownHttpClient;
    private final Set<DysonAccountHandler> ownHttpClientUsers = new HashSet<>();

    @Activate
    public DysonHandlerFactory(@Reference HttpClientFactory httpClientFactory,
            @Reference StorageService storageService) {
        this.httpClientFactory = httpClientFactory;
        this.commonHttpClient = httpClientFactory.getCommonHttpClient();
        this.storage = storageService.getStorage("dyson", DysonHandlerFactory.class.getClassLoader());
        CloudOverride override = CloudOverride.NONE;
        String problem = null;
        try {
            override = CloudOverride.parse(System.getProperty(PROPERTY_API_HOST),
                    System.getProperty(PROPERTY_EXTRA_CA), System.getProperty(PROPERTY_IOT_PORT));
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            logger.warn("The other Dyson cloud set in the system properties org.openhab.binding.dyson.* cannot be "
                    + "used, Dyson accounts stay OFFLINE: {}", problem);
        }
        this.cloudOverride = override;
        this.cloudOverrideProblem = problem;
        for (String line : override.describe()) {
            logger.info("Dyson binding talks to another cloud (system properties org.openhab.binding.dyson.*): {}",
                    line);
        }
        SSLContext trust = override.sslContext();
        this.linkSettings = trust == null && override.iotPort() == 0 ? LinkSettings.DEFAULT
                : LinkSettings.DEFAULT.withTransport(TransportSettings.DEFAULT
                        .withCloud(override.iotPortOr(TransportSettings.DEFAULT.cloudPort()), trust));
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return THING_TYPE_ACCOUNT.equals(thingTypeUID) || DEVICE_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID type = thing.getThingTypeUID();
        if (THING_TYPE_ACCOUNT.equals(type) && thing instanceof Bridge bridge) {
            return createAccountHandler(bridge);
        } else if (DEVICE_THING_TYPES.contains(type)) {
            return new DysonDeviceHandler(thing, linkSettings, workers);
        }
        return null;
    }

    private DysonAccountHandler createAccountHandler(Bridge bridge) {
        String problem = cloudOverrideProblem;
        if (problem != null) {
            DysonAccountHandler handler = new DysonAccountHandler(bridge, commonHttpClient, storage, workers, null);
            handler.cloudUnusable(problem);
            return handler;
        }
        String baseUrl = cloudOverride.apiBaseUrl();
        String api = baseUrl != null ? "the Dyson API at " + baseUrl : "Dyson's servers";
        SSLContext trust = cloudOverride.sslContext();
        if (trust == null) {
            if (baseUrl != null) {
                logger.info("Dyson account {} uses {}", bridge.getUID(), api);
            }
            return new DysonAccountHandler(bridge, commonHttpClient, storage, workers, baseUrl);
        }
        synchronized (ownHttpClientLock) {
            HttpClient client = ownHttpClient;
            String failure = null;
            if (client == null) {
                try {
                    client = startOwnHttpClient(trust);
                    ownHttpClient = client;
                } catch (Exception e) {
                    failure = "no HTTP client that trusts the extra CA (" + e.getMessage() + ")";
                    logger.warn("The Dyson binding could not start its HTTP client: {}", e.getMessage());
                }
            }
            DysonAccountHandler handler = new DysonAccountHandler(bridge, client != null ? client : commonHttpClient,
                    storage, workers, baseUrl);
            if (client == null) {
                handler.cloudUnusable(String.valueOf(failure));
            } else {
                ownHttpClientUsers.add(handler);
                logger.info("Dyson account {} uses {}, trusting the extra CA", bridge.getUID(), api);
            }
            return handler;
        }
    }

    /** openHAB's factory makes the client (its thread pool, proxy settings); the TLS context is ours. */
    private HttpClient startOwnHttpClient(SSLContext trust) throws Exception {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(trust);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        HttpClient client = httpClientFactory.createHttpClient(HTTP_CLIENT_NAME, tls);
        try {
            client.start();
        } catch (Exception e) {
            client.stop(); // its thread pool may have started
            throw e;
        }
        return client;
    }

    @Override
    protected void removeHandler(ThingHandler thingHandler) {
        HttpClient unused = null;
        synchronized (ownHttpClientLock) {
            if (ownHttpClientUsers.remove(thingHandler) && ownHttpClientUsers.isEmpty()) {
                unused = ownHttpClient;
                ownHttpClient = null;
            }
        }
        if (unused != null) {
            try {
                unused.stop();
            } catch (Exception e) {
                logger.debug("Stopping the Dyson binding's HTTP client failed: {}", e.getMessage());
            }
        }
        super.removeHandler(thingHandler);
    }
}
