/**
 * User text: search terms (folded, prefix-matched) and the hygiene every input and writer goes through
 * (NFC, no controls, no bidi overrides).
 */
package org.tocsin.text;
