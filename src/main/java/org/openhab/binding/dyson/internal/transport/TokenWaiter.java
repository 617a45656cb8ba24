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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Waits for a Paho action. Paho's own {@code waitForCompletion(timeout)} stores its timeout in the token, after
 * which every further wait fails at once, so tokens must not be waited on in slices; this listener can be.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class TokenWaiter implements IMqttActionListener {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile @Nullable Throwable failure;

    @Override
    public void onSuccess(@Nullable IMqttToken token) {
        done.countDown();
    }

    @Override
    public void onFailure(@Nullable IMqttToken token, @Nullable Throwable exception) {
        failure = exception != null ? exception : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR);
        done.countDown();
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * Waits up to {@code millis}.
     *
     * @return true when the action completed (successfully: see {@link #throwIfFailed()})
     */
    boolean await(long millis) {
        try {
            return done.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Rethrows the failure of a completed action. */
    void throwIfFailed() throws MqttException {
        Throwable cause = failure;
        if (cause instanceof MqttException mqtt) {
            throw mqtt;
        }
        if (cause != null) {
            throw new MqttException(cause);
        }
    }
}
