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
package org.openhab.binding.dyson.internal.transport;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.TestPki;

/**
 * A {@link CredentialsSource} backed by the test world's {@link IotAuthority}; counts the IoT credential fetches
 * and can hand out revoked credentials first.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class TestCredentials implements CredentialsSource {

    private final IotAuthority authority;
    private final String serial;
    private final @Nullable LocalCredentials local;
    private final boolean account;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger staleLeft = new AtomicInteger();

    TestCredentials(IotAuthority authority, String serial, @Nullable LocalCredentials local, boolean account) {
        this.authority = authority;
        this.serial = serial;
        this.local = local;
        this.account = account;
    }

    /** The next {@code count} fetches return credentials the endpoint no longer accepts. */
    TestCredentials staleFirst(int count) {
        staleLeft.set(count);
        return this;
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public @Nullable LocalCredentials localCredentials() {
        return local;
    }

    @Override
    public boolean hasCloudAccount() {
        return account;
    }

    @Override
    public void iotCredentialsRefused() {
    }

    @Override
    public IotCredentials freshIotCredentials() throws CredentialsUnavailableException {
        if (!account) {
            throw new CredentialsUnavailableException("no account");
        }
        fetches.incrementAndGet();
        IotAuthority.Grant grant = authority.issue(serial);
        String signature = staleLeft.getAndDecrement() > 0 ? "stale" + grant.tokenSignature()
                : grant.tokenSignature();
        return new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(), grant.authorizerName(), grant.tokenKey(),
                grant.tokenValue(), signature);
    }
}
