/**
 * Quality: the risk register (väsentlighets- och riskanalys) of each committee and company per year, its 4×4 matrix,
 * how each risk is handled (a goal, an internal-control point, a critical factor or an assignment of the goal chain,
 * or an immediate action of this module), and the immediate actions themselves.
 */
package se.styr.quality;
