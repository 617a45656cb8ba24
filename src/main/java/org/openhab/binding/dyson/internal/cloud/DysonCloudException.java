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
package org.openhab.binding.dyson.internal.cloud;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A failed Dyson cloud call. The message names the call and the reason; it never carries a secret or the raw
 * HTTP body. {@link #isRetryable()} tells the caller whether to retry with back-off.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DysonCloudException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller has to react differently. */
    public enum Kind {
        /** Wrong password or e-mailed code (400/401 on verify). Ask the user; do not retry. */
        WRONG_CREDENTIALS,
        /** The bearer token is expired, revoked or missing (401/403 on an authenticated call). Log in again. */
        TOKEN_INVALID,
        /** HTTP 429: back off for minutes, reuse what was issued before. */
        RATE_LIMITED,
        /** The account is not {@code ACTIVE} (e.g. unregistered e-mail address). */
        ACCOUNT_NOT_ACTIVE,
        /** Server error (5xx), network failure or timeout: retry with back-off. */
        COMMUNICATION,
        /** The answer was not the JSON expected (bad syntax, wrong shape, required field missing). */
        MALFORMED_RESPONSE,
        /** HTTP 404: unknown device or resource. */
        NOT_FOUND,
        /** Any other refusal (e.g. 400, 401 or 415 on a login call): a bug or an API change; do not retry. */
        REJECTED
    }

    private final Kind kind;
    private final int httpStatus;

    public DysonCloudException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public DysonCloudException(Kind kind, String message, int httpStatus) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    /** For network failures: the cause must not carry secrets in its message. */
    public DysonCloudException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = 0;
    }

    public Kind getKind() {
        return kind;
    }

    /** The HTTP status that caused this, or 0 when there was no HTTP answer. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** True when the same call may succeed later without user action (server errors, network, timeouts). */
    public boolean isRetryable() {
        return kind == Kind.COMMUNICATION;
    }
}
