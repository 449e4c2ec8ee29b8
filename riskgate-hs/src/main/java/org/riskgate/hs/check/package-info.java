/**
 * Declaration checks built on the suggester: whether the declared code is plausible for the
 * description, and whether a line declared without any import requirement most likely belongs to
 * a code that carries one (a review object), using the editable {@link
 * org.riskgate.hs.check.RequirementTable}.
 */
package org.riskgate.hs.check;
