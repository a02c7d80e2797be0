/**
 * Storage underneath every feature: the embedded MongoDB (durable commits, a per-start secret, a private
 * data directory), and the CSPRNG behind ids and tokens.
 */
package org.tocsin.storage;
