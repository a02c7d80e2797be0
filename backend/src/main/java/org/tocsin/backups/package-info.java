/**
 * Operators' copies of the data: an online backup of the embedded database that a new data directory
 * starts from ({@code tocsin.restore-from}), and an export of every collection that MongoDB's own tools
 * import, for moving to a replica set. Platform admins only; the files stay on the server.
 */
package org.tocsin.backups;
