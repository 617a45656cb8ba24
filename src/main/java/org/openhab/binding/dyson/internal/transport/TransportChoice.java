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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Which transports a {@link DeviceLink} tries, best first, and why: worked out afresh before every connect cycle from
 * the configured {@link TransportMode}, what the account says of the device and which paths are possible now.
 * <p>
 * The preferred path is the local one for {@link TransportMode#LOCAL_FIRST}, the cloud for
 * {@link TransportMode#CLOUD_FIRST}, and for {@link TransportMode#AUTO} the cloud when the account marks the device as
 * a cloud device ({@code remoteBrokerType} {@code wss}), else the local one. The other path is the fallback. A path
 * that is not possible (no local host or local credentials; no account) is left out, so the other one is the only
 * one, and {@link #gap()} says so when the user asked for the missing one first.
 *
 * @param mode the configured mode
 * @param accountSaysCloud the account marks the device as a cloud device ({@code wss})
 * @param local whether the local path is possible, or what it lacks
 * @param cloudPossible an account is there to fetch cloud credentials from
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record TransportChoice(TransportMode mode, boolean accountSaysCloud, LocalPath local, boolean cloudPossible) {

    /** Whether the local path is possible, and if not, what it lacks. */
    public enum LocalPath {
        POSSIBLE,
        NO_HOST,
        NO_CREDENTIALS;

        /** What the local path lacks, e.g. "no local credentials"; empty when it is possible. */
        String missing() {
            return switch (this) {
                case POSSIBLE -> "";
                case NO_HOST -> "no local host";
                case NO_CREDENTIALS -> "no local credentials";
            };
        }

        /** The same in the reason for the cloud: "no local host known" or "no local credentials". */
        String missingBeforeCloud() {
            return this == NO_HOST ? "no local host known" : missing();
        }
    }

    /** The path the user asked for first is not possible, so the other one is used alone. */
    public enum Gap {
        /** {@code local-first}, but no local host is known: the cloud only. */
        LOCAL_FIRST_NO_HOST,
        /** {@code local-first}, but there are no local credentials (password): the cloud only. */
        LOCAL_FIRST_NO_CREDENTIALS,
        /** {@code cloud-first}, but there is no account: the local path only. */
        CLOUD_FIRST_NO_ACCOUNT
    }

    /** The path this mode prefers (for {@code local} and {@code cloud} the only one). */
    public TransportKind preferred() {
        return switch (mode) {
            case LOCAL, LOCAL_FIRST -> TransportKind.LOCAL;
            case CLOUD, CLOUD_FIRST -> TransportKind.CLOUD;
            case AUTO -> accountSaysCloud ? TransportKind.CLOUD : TransportKind.LOCAL;
        };
    }

    /** The transports to try, best first; empty when no path is possible. */
    public List<TransportKind> order() {
        List<TransportKind> order = new ArrayList<>();
        TransportKind preferred = preferred();
        if (possible(preferred)) {
            order.add(preferred);
        }
        TransportKind other = preferred == TransportKind.LOCAL ? TransportKind.CLOUD : TransportKind.LOCAL;
        if (mode.hasFallback() && possible(other)) {
            order.add(other);
        }
        return order;
    }

    /** Whether the account is the only path: the cloud alone is possible (or allowed). */
    public boolean onlyThroughAccount() {
        return order().equals(List.of(TransportKind.CLOUD));
    }

    private boolean possible(TransportKind kind) {
        return kind == TransportKind.LOCAL ? local == LocalPath.POSSIBLE : cloudPossible;
    }

    /** For {@code local-first} and {@code cloud-first}: the preferred path is missing and the other one is used. */
    public @Nullable Gap gap() {
        if (mode == TransportMode.LOCAL_FIRST && local != LocalPath.POSSIBLE && cloudPossible) {
            return local == LocalPath.NO_HOST ? Gap.LOCAL_FIRST_NO_HOST : Gap.LOCAL_FIRST_NO_CREDENTIALS;
        }
        if (mode == TransportMode.CLOUD_FIRST && !cloudPossible && local == LocalPath.POSSIBLE) {
            return Gap.CLOUD_FIRST_NO_ACCOUNT;
        }
        return null;
    }

    /** Why {@code kind} is in use when it was the first one tried (nothing failed before it). */
    public String reason(TransportKind kind) {
        boolean local = kind == TransportKind.LOCAL;
        return switch (mode) {
            case LOCAL -> "configured: local";
            case CLOUD -> "configured: cloud";
            case LOCAL_FIRST -> local ? "configured: local first"
                    : "local first not possible (" + this.local.missingBeforeCloud() + "): cloud";
            case CLOUD_FIRST -> local ? "cloud first not possible (no cloud account): local" : "configured: cloud first";
            case AUTO -> {
                if (local) {
                    yield "local network";
                }
                yield accountSaysCloud ? "account marks device as cloud (wss)"
                        : this.local.missingBeforeCloud() + ": cloud";
            }
        };
    }

    /** Why nothing is tried when {@link #order()} is empty. */
    public String noPathReason() {
        if (mode == TransportMode.CLOUD || local == LocalPath.POSSIBLE) {
            return "no cloud account available";
        }
        return mode == TransportMode.LOCAL ? local.missing() : local.missing() + " and no cloud account";
    }
}
