package org.tocsin.coalitions;

import java.util.List;
import org.tocsin.coalitions.internal.CallDocument;

/**
 * A campaign's public call to host an action. The dates are those it accepts (the campaign's own
 * unless the call narrows them). Partners are not in it: which groups a coalition trusts is for its
 * organizers to know.
 */
record CallView(
        boolean open,
        String instructions,
        String instructionsHtml,
        String template,
        List<CallDocument.Material> materials,
        String acceptsFrom,
        String acceptsTo,
        boolean reviewChanges) {}
