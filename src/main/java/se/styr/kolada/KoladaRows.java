package se.styr.kolada;

import java.math.BigDecimal;

/** What Kolada answers, as rows: a KPI's metadata and one value (kpi, area, year, sex). */
final class KoladaRows {

    private KoladaRows() {
    }

    record Kpi(String id, String title, String description, String operatingArea, boolean dividedBySex) {
    }

    /** One value; sex is T (total), K (women) or M (men); area is a municipality, county (00LL) or Riket (0000). */
    record Value(String kpi, String area, int year, char sex, BigDecimal value) {
    }

    /** One of Kolada's municipality groups ("Liknande kommuner ..."): its id (G and digits), title and members. */
    record Group(String id, String title, java.util.List<Member> members) {
    }

    /** A member of a group: the municipality's four-digit id and name. */
    record Member(String id, String title) {
    }

    /** One page of an answer and the address of the next, if any. */
    record Page<T>(java.util.List<T> rows, String nextUrl) {
    }
}
