/**
 * Demo data for {@code --tocsin.demo=true}: a worldwide day of action made through the public services.
 */
package org.tocsin.demo;
