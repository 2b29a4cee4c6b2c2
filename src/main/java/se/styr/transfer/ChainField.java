package se.styr.transfer;

/** A column of the goal-chain workbook: its heading and what it holds, as the sheet Instruktioner explains it. */
enum ChainField {
    ID("Id", "Styrs id för ett objekt som finns (lämna som det är), eller en egen nyckel med minst en bokstav (till exempel F1) för ett nytt objekt som andra rader hänvisar till. Tomt: ett nytt objekt."),
    PARENT("Överordnat", "Id eller nyckel för objektet raden hör till (fokusområdet, det prioriterade målet, nämndmålet …)."),
    OWNER("Ägare", "Den nämnd, förvaltning eller enhet som äger objektet: kod (till exempel VON) eller hela namnet."),
    PERIOD("Planperiod", "Planperiodens namn, till exempel Budget 2022–2024. Tomt: samma som det överordnade objektets."),
    TITLE("Titel", "Objektets rubrik, högst 500 tecken."),
    DESCRIPTION("Beskrivning", "Fri text, högst 10 000 tecken."),
    DIRECTION("Riktning", "Ska öka eller Ska minska."),
    MEASURE_UNIT("Måttenhet", "Till exempel %, antal, dagar, kr."),
    SOURCE("Källa", "Varifrån värdena kommer, till exempel Kolada eller SCB."),
    KOLADA("Kolada-id", "Nyckeltalets id i Kolada, till exempel U07451 eller N15454."),
    STEERING("Styrande", "Ja för en styrande indikator, Nej för en stödjande."),
    TOLERANCE("Tolerans", "Hur nära målvärdet ett utfall räknas som nära målvärde (samma enhet som värdena)."),
    LINKED("Kopplad indikator", "Id eller nyckel för den indikator i KF:s styrkedja som nämndmålet bidrar till."),
    LINK_MOTIVATION("Motivering", "Varför nämndmålet bidrar till indikatorn."),
    AGENDA_GOAL("Agenda 2030-mål", "Numret på det globala målet, 1–17."),
    AGENDA_TARGET("Agenda 2030-delmål", "Delmålets nummer, till exempel 3.4."),
    GIVEN_BY("Givet av", "Den nämnd eller styrelse som gav uppdraget: kod eller namn."),
    DUE("Slutdatum", "Datum då uppdraget ska vara klart (ÅÅÅÅ-MM-DD)."),
    STATUS("Status", "Ej påbörjad, Påbörjad, Väntar, Färdig, Stoppad eller Försenad."),
    PERSPECTIVE("Perspektiv", "Ekonomi, Målgrupp, Verksamhet eller Medarbetare."),
    FREQUENCY("Frekvens", "Hur ofta faktorn eller kontrollen följs upp, till exempel Månadsvis."),
    PROCESS("Process", "Den process eller rutin kontrollen gäller."),
    RISK("Riskvärde", "Sannolikhet × konsekvens, ett heltal 1–16."),
    METHOD("Kontrollmetod", "Hur kontrollen görs."),
    RESPONSIBLE("Ansvarig", "Vem som gör kontrollen (funktion)."),
    OCCASION("Uppföljningstillfälle", "Delårsbokslut, Årsbokslut eller Delårs- och årsbokslut.");

    final String header;
    final String help;

    ChainField(String header, String help) {
        this.header = header;
        this.help = help;
    }

    /** The field of GoalObject (as the rules name it in their problems) that this column fills. */
    String property() {
        return switch (this) {
            case ID -> "id";
            case PARENT -> "parentId";
            case OWNER -> "ownerUnitId";
            case PERIOD -> "periodId";
            case TITLE -> "title";
            case DESCRIPTION -> "description";
            case DIRECTION -> "direction";
            case MEASURE_UNIT -> "measureUnit";
            case SOURCE -> "source";
            case KOLADA -> "koladaId";
            case STEERING -> "steering";
            case TOLERANCE -> "nearTargetTolerance";
            case LINKED -> "linkedIndicatorId";
            case LINK_MOTIVATION -> "linkMotivation";
            case AGENDA_GOAL -> "agenda2030Goal";
            case AGENDA_TARGET -> "agenda2030Target";
            case GIVEN_BY -> "givenByUnitId";
            case DUE -> "dueDate";
            case STATUS -> "status";
            case PERSPECTIVE -> "perspective";
            case FREQUENCY -> "frequency";
            case PROCESS -> "process";
            case RISK -> "riskValue";
            case METHOD -> "controlMethod";
            case RESPONSIBLE -> "responsible";
            case OCCASION -> "followUpOccasion";
        };
    }
}
