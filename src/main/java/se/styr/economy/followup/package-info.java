/**
 * Economic follow-up per committee and month (ekonomisk uppföljning): forecasts, explanations, investments, volumes,
 * action plans, and the outcomes per unit and month. The follow-up report shows a committee's economic report.
 */
@org.springframework.modulith.NamedInterface("followup")
package se.styr.economy.followup;
