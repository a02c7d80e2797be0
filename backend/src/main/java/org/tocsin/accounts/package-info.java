/**
 * People's accounts: registration, passwords (bcrypt, zxcvbn), server-side sessions, personal API
 * tokens, platform admins, and the secret tokens every capability link is made of (only hashes stored).
 */
package org.tocsin.accounts;
