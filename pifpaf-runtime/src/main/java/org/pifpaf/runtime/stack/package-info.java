/**
 * Internal to the runtime, not exported: reading stack files into a small YAML tree that keeps
 * line numbers, and the {@code ${daemon.VARIABLE}} references in option values. The public face is
 * {@link org.pifpaf.runtime.StackFiles}.
 */
package org.pifpaf.runtime.stack;
