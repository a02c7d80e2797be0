/**
 * The shared kernel: what every feature may use and nothing HTTP. {@link org.tocsin.kernel.Refusal}
 * (why a request is refused, in the domain's words; the web edge alone turns it into a status and a
 * problem type), the URL-name rule ({@link org.tocsin.kernel.Slugs}), the years a date may fall in
 * ({@link org.tocsin.kernel.Dates}) and the public address links are built on
 * ({@link org.tocsin.kernel.PublicUrl}). It depends on no feature.
 */
package org.tocsin.kernel;
