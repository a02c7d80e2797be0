package org.tocsin.coalitions;

/** A call's instructions rendered as the public call shows them (sanitised Markdown), not saved. */
record CallPreview(String instructionsHtml) {}
