package dev.workstreams.adapter.github.setup;

import java.net.URI;

/**
 * What the setup page renders: a form that POSTs field {@code manifest} to {@code action}.
 *
 * @param action       GitHub's App-creation page, {@code state} in its query
 * @param manifestJson the value of the form's {@code manifest} field (HTML-escape it in the page)
 * @param state        the single-use value GitHub will send back to the callback
 */
public record ManifestForm(URI action, String manifestJson, String state) {}
