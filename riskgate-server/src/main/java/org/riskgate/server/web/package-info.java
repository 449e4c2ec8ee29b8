/**
 * The analysts' web UI: server-rendered jte templates (compiled at build time) with small
 * scripts for the charts; sessions in cookies, a CSRF token on every form.
 */
package org.riskgate.server.web;
