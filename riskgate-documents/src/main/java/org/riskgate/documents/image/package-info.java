/**
 * Reading pages safely (format sniffing, pixel limit checked before decoding, truncation
 * detection) and the small raster helpers the detector and embedders share.
 */
package org.riskgate.documents.image;
