<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>Every greeting needs a type and either a preset or a custom greeting id.</source>
        <translation>Jede Ansage benötigt einen Typ und entweder eine Vorgabe oder die ID einer benutzerdefinierten Ansage.</translation>
    </message>
    <message>
        <source>No extension with this id in the account.</source>
        <translation>Im Konto gibt es keine Nebenstelle mit dieser ID.</translation>
    </message>
    <message>
        <source>A rule cannot transfer calls to its own extension.</source>
        <translation>Eine Regel kann Anrufe nicht an die eigene Nebenstelle weiterleiten.</translation>
    </message>
    <message>
        <source>Every forwarding number needs the id of one of the extension&apos;s forwarding numbers.</source>
        <translation>Jede Weiterleitungsnummer benötigt die ID einer der Weiterleitungsnummern der Nebenstelle.</translation>
    </message>
    <message>
        <source>A custom rule needs a name.</source>
        <translation>Eine eigene Regel benötigt einen Namen.</translation>
    </message>
    <message>
        <source>A date range runs from yyyy-MM-ddThh:mm:ss to a later one, got &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>Ein Datumsbereich reicht von yyyy-MM-ddThh:mm:ss bis zu einem späteren Zeitpunkt, erhalten: &quot;%1&quot; bis &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Every caller condition needs a callerId.</source>
        <translation>Jede Anruferbedingung benötigt eine callerId.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Trunkline</source>
        <translation>Über Trunkline</translation>
    </message>
    <message>
        <source>Provisioning console for company phone systems: phone numbers, extensions, forwarding, number porting and incoming-number routing across providers.</source>
        <translation>Verwaltungskonsole für Telefonanlagen von Unternehmen: Rufnummern, Nebenstellen, Weiterleitungen, Rufnummernportierung und Routing eingehender Rufnummern über mehrere Anbieter hinweg.</translation>
    </message>
</context>
<context>
    <name>AddNumberDialog</name>
    <message>
        <source>Add number</source>
        <translation>Rufnummer hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Kind of number:</source>
        <translation>&amp;Art der Rufnummer:</translation>
    </message>
    <message>
        <source>Area code:</source>
        <translation>Vorwahl:</translation>
    </message>
    <message>
        <source>e.g. 415</source>
        <translation>z. B. 415</translation>
    </message>
    <message>
        <source>e.g. 800FLOWERS or 888*BIZ</source>
        <translation>z. B. 800FLOWERS oder 888*BIZ</translation>
    </message>
    <message>
        <source>Letters as on a phone keypad, digits, and * for any one digit. The number starts with the pattern.</source>
        <translation>Buchstaben wie auf einer Telefontastatur, Ziffern und * für eine beliebige Ziffer. Die Rufnummer beginnt mit dem Muster.</translation>
    </message>
    <message>
        <source>e.g. 1234 or alice</source>
        <translation>z. B. 1234 oder alice</translation>
    </message>
    <message>
        <source>A virtual number that exists only in Restcomm (isSIP); nothing is bought from a carrier.</source>
        <translation>Eine virtuelle Rufnummer, die nur in Restcomm existiert (isSIP); bei keinem Netzbetreiber wird etwas gekauft.</translation>
    </message>
    <message>
        <source>&amp;Friendly name:</source>
        <translation>A&amp;nzeigename:</translation>
    </message>
    <message>
        <source>Optional, e.g. Sales hotline</source>
        <translation>Optional, z. B. Vertriebs-Hotline</translation>
    </message>
    <message>
        <source>&amp;Search available numbers</source>
        <translation>Verfügbare Rufnummern &amp;suchen</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>The provider account the number is added to</source>
        <translation>Das Anbieterkonto, dem die Rufnummer hinzugefügt wird</translation>
    </message>
    <message>
        <source>&amp;Port in…</source>
        <translation>&amp;Portieren…</translation>
    </message>
    <message>
        <source>Bring numbers over from another carrier instead (opens the porting wizard)</source>
        <translation>Rufnummern stattdessen von einem anderen Netzbetreiber übernehmen (öffnet den Portierungsassistenten)</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>the request</source>
        <translation>die Anfrage</translation>
    </message>
    <message>
        <source>%1 could not be reached for %2</source>
        <translation>%1 war für %2 nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 did not answer in time for %2</source>
        <translation>%1 hat für %2 nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the secure connection to %1 was refused for %2</source>
        <translation>die sichere Verbindung zu %1 wurde für %2 abgelehnt</translation>
    </message>
    <message>
        <source>%1 did not accept the credentials for %2</source>
        <translation>%1 hat die Zugangsdaten für %2 nicht akzeptiert</translation>
    </message>
    <message>
        <source>%1 does not allow this profile to change %2</source>
        <translation>%1 erlaubt diesem Profil nicht, %2 zu ändern</translation>
    </message>
    <message>
        <source>%1 no longer has %2</source>
        <translation>%2 gibt es bei %1 nicht mehr</translation>
    </message>
    <message>
        <source>%1 rejected %2</source>
        <translation>%1 hat %2 abgelehnt</translation>
    </message>
    <message>
        <source>%1 is limiting the request rate for %2</source>
        <translation>%1 begrenzt die Anfragerate für %2</translation>
    </message>
    <message>
        <source>%1 had an internal error with %2</source>
        <translation>%1 meldete einen internen Fehler für %2</translation>
    </message>
    <message>
        <source>%1 sent an unreadable answer for %2</source>
        <translation>%1 hat für %2 eine unlesbare Antwort gesendet</translation>
    </message>
    <message>
        <source>the answer from %1 for %2 was lost, so it is not known whether it took effect</source>
        <translation>die Antwort von %1 für %2 ging verloren; daher ist unklar, ob die Änderung wirksam wurde</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>Check the connection and sync again; nothing was lost.</source>
        <translation>Prüfen Sie die Verbindung und synchronisieren Sie erneut; es ging nichts verloren.</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address; Trunkline never connects without a valid certificate.</source>
        <translation>Prüfen Sie die Adresse des Profils; Trunkline stellt nie eine Verbindung ohne gültiges Zertifikat her.</translation>
    </message>
    <message>
        <source>Enter the profile&apos;s credentials again.</source>
        <translation>Geben Sie die Zugangsdaten des Profils erneut ein.</translation>
    </message>
    <message>
        <source>Ask an administrator of the account to make the change or to grant the permission.</source>
        <translation>Bitten Sie einen Administrator des Kontos, die Änderung vorzunehmen oder die Berechtigung zu erteilen.</translation>
    </message>
    <message>
        <source>Sync again to refresh the local copy.</source>
        <translation>Synchronisieren Sie erneut, um die lokale Kopie zu aktualisieren.</translation>
    </message>
    <message>
        <source>Correct the value and apply the change again.</source>
        <translation>Korrigieren Sie den Wert und übernehmen Sie die Änderung erneut.</translation>
    </message>
    <message>
        <source>Wait a minute and sync again.</source>
        <translation>Warten Sie eine Minute und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>Sync again; if it persists, report it.</source>
        <translation>Synchronisieren Sie erneut; melden Sie den Fehler, falls er weiterhin auftritt.</translation>
    </message>
    <message>
        <source>Sync to see whether it was applied before trying again.</source>
        <translation>Synchronisieren Sie, um zu prüfen, ob die Änderung übernommen wurde, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Record, text, who or where (Ctrl+F)</source>
        <translation>Datensatz, Text, wer oder woher (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>Pr&amp;ofil:</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>&amp;Datensatz:</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Datensatz-ID</translation>
    </message>
    <message>
        <source>Only the records whose id at the provider contains this text</source>
        <translation>Nur die Datensätze, deren ID beim Anbieter diesen Text enthält</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>The first day shown</source>
        <translation>Der erste angezeigte Tag</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>The last day shown (the whole day)</source>
        <translation>Der letzte angezeigte Tag (ganztägig)</translation>
    </message>
</context>
<context>
    <name>AuditLogRepository</name>
    <message>
        <source>Cannot write the audit log</source>
        <translation>Das Protokoll kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot read the audit log</source>
        <translation>Das Protokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>An audit entry needs an entity and an action.</source>
        <translation>Ein Protokolleintrag benötigt ein Objekt und eine Aktion.</translation>
    </message>
</context>
<context>
    <name>CallRuleText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Callers: %1</source>
        <translation>Anrufer: %1</translation>
    </message>
    <message>
        <source>Called numbers: %1</source>
        <translation>Angerufene Rufnummern: %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Outside the business hours</source>
        <translation>Außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>During the business hours</source>
        <translation>Während der Geschäftszeiten</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Ring the forwarding list</source>
        <translation>Weiterleitungsliste klingeln lassen</translation>
    </message>
    <message>
        <source>Forward to %1</source>
        <translation>Weiterleiten an %1</translation>
    </message>
    <message>
        <source>Go to application: %1</source>
        <translation>An Anwendung übergeben: %1</translation>
    </message>
    <message>
        <source>Voicemail only</source>
        <translation>Nur Voicemail</translation>
    </message>
    <message>
        <source>Play an announcement only</source>
        <translation>Nur eine Ansage abspielen</translation>
    </message>
    <message>
        <source>Call queue members</source>
        <translation>Mitglieder der Warteschlange</translation>
    </message>
    <message>
        <source>Shared lines</source>
        <translation>Gemeinsame Leitungen</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Einleitung</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Ansage</translation>
    </message>
    <message>
        <source>While connecting (music)</source>
        <translation>Während des Verbindens (Musik)</translation>
    </message>
    <message>
        <source>While connecting (message)</source>
        <translation>Beim Verbinden (Nachricht)</translation>
    </message>
    <message>
        <source>Hold music</source>
        <translation>Wartemusik</translation>
    </message>
</context>
<context>
    <name>CallType</name>
    <message>
        <source>Voice and fax</source>
        <translation>Sprache und Fax</translation>
    </message>
    <message>
        <source>Voice only</source>
        <translation>Nur Sprache</translation>
    </message>
    <message>
        <source>Fax only</source>
        <translation>Nur Fax</translation>
    </message>
</context>
<context>
    <name>CallerIdCheck</name>
    <message>
        <source>Outbound caller ID: %1 cannot be shown as the caller ID. RingCentral shows a number as caller ID only when it has the CallerId feature; this number has %2.</source>
        <translation>Ausgehende Anrufer-ID: %1 kann nicht als Anrufer-ID angezeigt werden. RingCentral zeigt eine Rufnummer nur dann als Anrufer-ID an, wenn sie die Funktion CallerId hat; diese Rufnummer hat %2.</translation>
    </message>
    <message>
        <source>no features</source>
        <translation>keine Funktionen</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>nur %1</translation>
    </message>
</context>
<context>
    <name>ChangeClaims</name>
    <message>
        <source>Change %1 (%2 %3) skipped: claimed by %4 until %5.</source>
        <translation>Änderung %1 (%2 %3) übersprungen: von %4 beansprucht bis %5.</translation>
    </message>
    <message>
        <source>Change %1 (%2 %3) skipped: %4 applied it meanwhile.</source>
        <translation>Änderung %1 (%2 %3) übersprungen: %4 hat sie inzwischen übertragen.</translation>
    </message>
    <message>
        <source>Change %1 (%2 %3) skipped: %4</source>
        <translation>Änderung %1 (%2 %3) übersprungen: %4</translation>
    </message>
    <message>
        <source>Change %1 (%2 %3) recovered: its applier %4 is no longer running.</source>
        <translation>Änderung %1 (%2 %3) übernommen: %4, der sie beansprucht hatte, läuft nicht mehr.</translation>
    </message>
    <message>
        <source>Change %1 (%2 %3) skipped: it needs a second person&apos;s approval before it is applied (four-eyes is on); %4 staged it.</source>
        <translation>Änderung %1 (%2 %3) übersprungen: Sie muss von einer zweiten Person freigegeben werden, bevor sie angewendet wird (Vier-Augen-Freigabe ist aktiv); %4 hat sie vorgemerkt.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
</context>
<context>
    <name>ChangeDescriber</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Requests to apply: %1</source>
        <translation>Anzuwendende Anfragen: %1</translation>
    </message>
    <message>
        <source>The provider&apos;s API offers no request for this change: applying it fails. Discard it, or make the change in the provider&apos;s portal.</source>
        <translation>Die API des Anbieters bietet keine Anfrage für diese Änderung: Das Anwenden schlägt fehl. Verwerfen Sie die Änderung oder nehmen Sie sie im Portal des Anbieters vor.</translation>
    </message>
    <message>
        <source>%1 · %2
</source>
        <translation>%1 · %2
</translation>
    </message>
    <message>
        <source>  %1: %2
</source>
        <translation>  %1: %2
</translation>
    </message>
    <message>
        <source>  %1: %2 (removed)
</source>
        <translation>  %1: %2 (entfernt)
</translation>
    </message>
    <message>
        <source>  %1: %2 → %3
</source>
        <translation>  %1: %2 → %3
</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>Stammnummer %1</translation>
    </message>
    <message>
        <source>Number %1</source>
        <translation>Rufnummer %1</translation>
    </message>
    <message>
        <source>Not assigned (company number)</source>
        <translation>Nicht zugewiesen (Firmenrufnummer)</translation>
    </message>
    <message>
        <source>New number in area code %1</source>
        <translation>Neue Rufnummer mit Vorwahl %1</translation>
    </message>
    <message>
        <source>New number %1</source>
        <translation>Neue Rufnummer %1</translation>
    </message>
    <message>
        <source>Buy the number</source>
        <translation>Rufnummer kaufen</translation>
    </message>
    <message>
        <source>A virtual number that exists only in the provider&apos;s account (isSIP); nothing is bought from a carrier.</source>
        <translation>Eine virtuelle Rufnummer, die nur im Konto des Anbieters existiert (isSIP); es wird nichts bei einem Netzbetreiber gekauft.</translation>
    </message>
    <message>
        <source>The provider picks any free number of area code %1 and adds it to the account.</source>
        <translation>Der Anbieter wählt eine beliebige freie Rufnummer mit der Vorwahl %1 und fügt sie dem Konto hinzu.</translation>
    </message>
    <message>
        <source>%1 is bought from the carrier and added to the account.</source>
        <translation>%1 wird beim Netzbetreiber gekauft und dem Konto hinzugefügt.</translation>
    </message>
    <message>
        <source>The provider bills the number at its price list; Trunkline does not know the cost.</source>
        <translation>Der Anbieter berechnet die Rufnummer gemäß seiner Preisliste; Trunkline kennt die Kosten nicht.</translation>
    </message>
    <message>
        <source>Release the number</source>
        <translation>Rufnummer zurückgeben</translation>
    </message>
    <message>
        <source>%1 leaves the account: it can no longer be called or used, and the provider may give it to someone else.</source>
        <translation>%1 verlässt das Konto: Sie kann nicht mehr angerufen oder verwendet werden, und der Anbieter kann sie an jemand anderen vergeben.</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Bearbeiten: %1</translation>
    </message>
    <message>
        <source>Extension %1 loses %2, its direct number.</source>
        <translation>Nebenstelle %1 verliert %2, ihre Durchwahlnummer.</translation>
    </message>
    <message>
        <source>Numbers of account %1</source>
        <translation>Rufnummern von Konto %1</translation>
    </message>
    <message>
        <source>Migrate the numbers to organisation %1</source>
        <translation>Rufnummern in Organisation %1 migrieren</translation>
    </message>
    <message>
        <source>Every number of account %1 and of its sub-accounts leaves this organisation for organisation %2.</source>
        <translation>Alle Rufnummern von Konto %1 und seinen Unterkonten verlassen diese Organisation und wechseln zu Organisation %2.</translation>
    </message>
    <message>
        <source>New extension %1</source>
        <translation>Neue Nebenstelle %1</translation>
    </message>
    <message>
        <source>Create the extension</source>
        <translation>Nebenstelle anlegen</translation>
    </message>
    <message>
        <source>Extension %1</source>
        <translation>Nebenstelle %1</translation>
    </message>
    <message>
        <source>Delete the extension</source>
        <translation>Nebenstelle löschen</translation>
    </message>
    <message>
        <source>The extension is deleted at the provider with its forwarding list and settings; its direct numbers go back to the company.</source>
        <translation>Die Nebenstelle wird beim Anbieter mitsamt Weiterleitungsliste und Einstellungen gelöscht; ihre Durchwahlnummern gehen an das Unternehmen zurück.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Not in the call flip list</source>
        <translation>Nicht in der Call-Flip-Liste</translation>
    </message>
    <message>
        <source>Forwarding &amp; flip list: added %1</source>
        <translation>Weiterleitungs- und Flip-Liste: %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Forwarding &amp; flip list: removed %1</source>
        <translation>Weiterleitungs- und Flip-Liste: %1 entfernt</translation>
    </message>
    <message>
        <source>Forwarding &amp; flip list: moved %1 from flip digit %2 to %3</source>
        <translation>Weiterleitungs- und Flip-Liste: %1 von Flip-Ziffer %2 nach %3 verschoben</translation>
    </message>
    <message>
        <source>Forwarding &amp; flip list: %1 edited (%2)</source>
        <translation>Weiterleitungs- und Flip-Liste: %1 bearbeitet (%2)</translation>
    </message>
    <message>
        <source>Nothing (caller ID blocked)</source>
        <translation>Keine (Anrufer-ID unterdrückt)</translation>
    </message>
    <message>
        <source>The caller&apos;s current location</source>
        <translation>Aktueller Standort des Anrufers</translation>
    </message>
    <message>
        <source>Call handling during business hours</source>
        <translation>Anrufbehandlung während der Geschäftszeiten</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Outbound caller ID</source>
        <translation>Ausgehende Anrufer-ID</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Call handling after hours</source>
        <translation>Anrufbehandlung außerhalb der Geschäftszeiten</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Die Datenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>There is no profile named or numbered “%1” (see `trunkline-cli profiles list`).</source>
        <translation>Es gibt kein Profil mit dem Namen oder der Nummer “%1” (siehe `trunkline-cli profiles list`).</translation>
    </message>
    <message>
        <source>--format: must be %1, not “%2”.</source>
        <translation>--format: muss %1 sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--database: a path or URL is missing.</source>
        <translation>--database: Pfad oder URL fehlt.</translation>
    </message>
    <message>
        <source>Unknown command “%1”; see trunkline-cli --help.</source>
        <translation>Unbekannter Befehl “%1”; siehe trunkline-cli --help.</translation>
    </message>
    <message>
        <source>Usage: trunkline-cli [--database PATH_OR_URL] COMMAND [options]

Commands:
  profiles list|add|set-secret|remove
                             provider profiles (secrets from standard input, never arguments)
  sync [--profile P] [--details]
                             pull from the provider, then push pending changes
  export numbers|extensions|forwarding|call-flip|port-orders|routes|audit|pending
         [--format csv|json] [--excel] [-o FILE] [--filter EXPR]
  audit [--since TIME] [--until TIME] [--profile P] [--format csv|json] [--filter EXPR]
                             the audit log (the same as export audit)
  stage update|create|delete extension|forwarding|number KEY [ID] --set FIELD=VALUE...
                             stage an edit from a script (see stage --help)
  pending list|show|apply|discard [ID] [--all]
  port --dry-run --route +49... --range 0-99 (--activate 4-4,19-20 | --activate-numbers FILE)
                             plan a German extended-number port: every number, active or not
  port --profile P --route ... --range ... --activate ... --end-user ... --loa FILE ...
       [--submit]
                             place the order (see port --help)
  port list|show|delete-extension|delete [ID] [BLOCK]
                             the port orders in the database, and what can go from them
  route (--profile P | --entries FILE) [--lint] [--format json] -- DIALED...
                             which Restcomm number or regex route a dialed number reaches
  validate number TEXT [--region DE]
  validate port-ranges --route +49... --range 0-99 --activate 4-4,19-20 [--status draft]
Every command takes --help; commands that print records take --format json.

Options:
  --database PATH_OR_URL     SQLite file or postgresql:// URL (default: %1)
  -h, --help                 this text
  -v, --version              the version

Exit codes:
  0  done
  1  failure (database, keychain, network, the provider refused)
  2  usage error (wrong command line)
  3  validation failed (validate, stage: the input breaks a rule; each rule on stderr)
  4  partial sync (a list was incomplete or a change failed; run sync again)
  5  conflicts (changes edited at the provider too; see pending list)
Errors go to standard error, results to standard output.
</source>
        <translation>Aufruf: trunkline-cli [--database PFAD_ODER_URL] BEFEHL [Optionen]

Befehle:
  profiles list|add|set-secret|remove
                             Anbieterprofile (Zugangsdaten über die Standardeingabe, nie als Argument)
  sync [--profile P] [--details]
                             vom Anbieter abrufen, dann ausstehende Änderungen übertragen
  export numbers|extensions|forwarding|call-flip|port-orders|routes|audit|pending
         [--format csv|json] [--excel] [-o DATEI] [--filter AUSDRUCK]
  audit [--since ZEIT] [--until ZEIT] [--profile P] [--format csv|json] [--filter AUSDRUCK]
                             das Änderungsprotokoll (dasselbe wie export audit)
  stage update|create|delete extension|forwarding|number SCHLÜSSEL [ID] --set FELD=WERT...
                             eine Änderung aus einem Skript vormerken (siehe stage --help)
  pending list|show|apply|discard [ID] [--all]
  port --dry-run --route +49... --range 0-99 (--activate 4-4,19-20 | --activate-numbers DATEI)
                             eine Portierung deutscher Durchwahlnummern planen: jede Nummer, aktiv oder nicht
  port --profile P --route ... --range ... --activate ... --end-user ... --loa DATEI ...
       [--submit]
                             den Auftrag erteilen (siehe port --help)
  port list|show|delete-extension|delete [ID] [BLOCK]
                             die Portierungsaufträge in der Datenbank, und was daraus entfernt werden kann
  route (--profile P | --entries DATEI) [--lint] [--format json] -- GEWÄHLT...
                             welche Restcomm-Nummer oder Regex-Route eine gewählte Nummer erreicht
  validate number TEXT [--region DE]
  validate port-ranges --route +49... --range 0-99 --activate 4-4,19-20 [--status draft]
Jeder Befehl kennt --help; Befehle, die Datensätze ausgeben, kennen --format json.

Optionen:
  --database PFAD_ODER_URL   SQLite-Datei oder postgresql://-URL (Standard: %1)
  -h, --help                 dieser Text
  -v, --version              die Version

Exit-Codes:
  0  erledigt
  1  Fehler (Datenbank, Schlüsselbund, Netzwerk, Ablehnung durch den Anbieter)
  2  Aufruffehler (falsche Befehlszeile)
  3  Prüfung fehlgeschlagen (validate, stage: die Eingabe verletzt eine Regel; jede Regel auf stderr)
  4  unvollständige Synchronisierung (eine Liste war unvollständig oder eine Änderung schlug fehl; sync erneut ausführen)
  5  Konflikte (Änderungen auch beim Anbieter bearbeitet; siehe pending list)
Fehler gehen an die Standardfehlerausgabe, Ergebnisse an die Standardausgabe.
</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve conflict</source>
        <translation>Konflikt auflösen</translation>
    </message>
    <message>
        <source>Someone changed this record at the provider after you edited it. For each field, choose whether your value (“Mine”) or the provider’s (“Theirs”) is kept. A field only one side changed is chosen for you; a field both changed differently waits for your choice. The change is then staged again on the provider’s current record and applied with the next Apply.</source>
        <translation>Jemand hat diesen Datensatz beim Anbieter geändert, nachdem Sie ihn bearbeitet haben. Wählen Sie für jedes Feld, ob Ihr Wert („Meine“) oder der des Anbieters („Deren“) beibehalten wird. Ein Feld, das nur eine Seite geändert hat, wird für Sie ausgewählt; ein Feld, das beide unterschiedlich geändert haben, wartet auf Ihre Wahl. Die Änderung wird dann erneut auf dem aktuellen Datensatz des Anbieters vorgemerkt und beim nächsten Anwenden angewendet.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before your edit</source>
        <translation>Vor Ihrer Bearbeitung</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Theirs (at the provider now)</source>
        <translation>Deren (derzeit beim Anbieter)</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Your value for every field you changed; the provider’s for the others (Alt+M)</source>
        <translation>Ihr Wert für jedes von Ihnen geänderte Feld, der des Anbieters für die übrigen (Alt+M)</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>&amp;Deren übernehmen</translation>
    </message>
    <message>
        <source>The provider’s value for every field: your change is dropped (Alt+T)</source>
        <translation>Der Wert des Anbieters für jedes Feld: Ihre Änderung wird verworfen (Alt+D)</translation>
    </message>
    <message>
        <source>&amp;Apply merge</source>
        <translation>Zusammenführung &amp;anwenden</translation>
    </message>
    <message>
        <source>The side chosen in the Keep column for each field (Ctrl+Return)</source>
        <translation>Die in der Spalte „Behalten“ gewählte Seite für jedes Feld (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectionFactory</name>
    <message>
        <source>The demo account could not start: %1</source>
        <translation>Das Demokonto konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>Profile %1: the stored credentials are incomplete (%2) Enter them again.</source>
        <translation>Profil %1: Die gespeicherten Zugangsdaten sind unvollständig (%2). Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>Profile %1: Account SID: must not be empty for Restcomm.</source>
        <translation>Profil %1: Account SID: darf für Restcomm nicht leer sein.</translation>
    </message>
    <message>
        <source>Profile %1: unknown provider “%2”.</source>
        <translation>Profil %1: unbekannter Anbieter “%2”.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: unexpected text after the closing quote of field %2.</source>
        <translation>Zeile %1: unerwarteter Text nach dem schließenden Anführungszeichen von Feld %2.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is not closed before the end of the file.</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird vor dem Dateiende nicht geschlossen.</translation>
    </message>
</context>
<context>
    <name>CurlTransport</name>
    <message>
        <source>the server refused the connection</source>
        <translation>der Server hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the server&apos;s host name was not found</source>
        <translation>der Hostname des Servers wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the server closed the connection before the answer was complete</source>
        <translation>der Server hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>the TLS handshake failed (%1)</source>
        <translation>der TLS-Handshake ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>the proxy could not be used (%1)</source>
        <translation>der Proxy konnte nicht verwendet werden (%1)</translation>
    </message>
    <message>
        <source>the request failed (%1)</source>
        <translation>die Anfrage ist fehlgeschlagen (%1)</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>unknown driver error</source>
        <translation>unbekannter Treiberfehler</translation>
    </message>
    <message>
        <source>(unreadable URL)</source>
        <translation>(unlesbare URL)</translation>
    </message>
    <message>
        <source>Unsupported database URL %1: use a file path or postgresql://user[:password]@host[:port]/database.</source>
        <translation>Nicht unterstützte Datenbank-URL %1: Verwenden Sie einen Dateipfad oder postgresql://benutzer[:passwort]@host[:port]/datenbank.</translation>
    </message>
    <message>
        <source>No database given: use a file path or postgresql://user[:password]@host[:port]/database.</source>
        <translation>Keine Datenbank angegeben: Verwenden Sie einen Dateipfad oder postgresql://benutzer[:passwort]@host[:port]/datenbank.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation>der Qt-PostgreSQL-Treiber (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>The database URL %1 carries a password, which every user of this computer could read from the command line. Put the password in ~/.pgpass or the PGPASSWORD environment variable and give the URL without it.</source>
        <translation>Die Datenbank-URL %1 enthält ein Passwort, das jeder Benutzer dieses Computers aus der Befehlszeile lesen könnte. Legen Sie das Passwort in ~/.pgpass oder die Umgebungsvariable PGPASSWORD und geben Sie die URL ohne es an.</translation>
    </message>
    <message>
        <source>(unknown user)</source>
        <translation>(unbekannter Benutzer)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DatabaseStatusText</name>
    <message>
        <source>PostgreSQL: %1/%2</source>
        <translation>PostgreSQL: %1/%2</translation>
    </message>
    <message>
        <source>Local database: %1</source>
        <translation>Lokale Datenbank: %1</translation>
    </message>
</context>
<context>
    <name>DeferredIndexes</name>
    <message>
        <source>Cannot read the phone numbers</source>
        <translation>Die Rufnummern können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the indexes of the phone numbers</source>
        <translation>Die Indizes der Rufnummern können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot defer the index %1</source>
        <translation>Der Index %1 kann nicht zurückgestellt werden</translation>
    </message>
    <message>
        <source>Cannot read the deferred indexes</source>
        <translation>Die zurückgestellten Indizes können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot build the index %1</source>
        <translation>Der Index %1 kann nicht aufgebaut werden</translation>
    </message>
</context>
<context>
    <name>DemoProfiles</name>
    <message>
        <source>Demo office (RingCentral)</source>
        <translation>Demo-Büro (RingCentral)</translation>
    </message>
    <message>
        <source>Demo porting (Telnyx)</source>
        <translation>Demo-Portierung (Telnyx)</translation>
    </message>
    <message>
        <source>Demo routing (Restcomm)</source>
        <translation>Demo-Routing (Restcomm)</translation>
    </message>
</context>
<context>
    <name>EditNumberDialog</name>
    <message>
        <source>Edit number</source>
        <translation>Rufnummer bearbeiten</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Assigned to:</source>
        <translation>&amp;Zugewiesen an:</translation>
    </message>
    <message>
        <source>Type part of an extension&apos;s number or name to find it</source>
        <translation>Geben Sie einen Teil der Nebenstellennummer oder des Namens ein, um die Nebenstelle zu finden</translation>
    </message>
    <message>
        <source>Voice (Restcomm)</source>
        <translation>Sprache (Restcomm)</translation>
    </message>
    <message>
        <source>Voice URL:</source>
        <translation>Voice-URL:</translation>
    </message>
    <message>
        <source>Where Restcomm fetches the RCML for an incoming call.</source>
        <translation>Die Adresse, von der Restcomm das RCML für einen eingehenden Anruf abruft.</translation>
    </message>
    <message>
        <source>https://</source>
        <translation>https://</translation>
    </message>
    <message>
        <source>HTTP method Restcomm uses for this URL</source>
        <translation>HTTP-Methode, die Restcomm für diese URL verwendet</translation>
    </message>
    <message>
        <source>Voice fallback URL:</source>
        <translation>Voice-Fallback-URL:</translation>
    </message>
    <message>
        <source>Fetched when the voice URL fails.</source>
        <translation>Wird abgerufen, wenn die Voice-URL fehlschlägt.</translation>
    </message>
    <message>
        <source>Status callback URL:</source>
        <translation>Status-Callback-URL:</translation>
    </message>
    <message>
        <source>Told about call status changes.</source>
        <translation>Wird über Änderungen des Anrufstatus benachrichtigt.</translation>
    </message>
    <message>
        <source>Voice application SID:</source>
        <translation>SID der Voice-Anwendung:</translation>
    </message>
    <message>
        <source>A Restcomm application that answers calls instead of the voice URL.</source>
        <translation>Eine Restcomm-Anwendung, die Anrufe anstelle der Voice-URL annimmt.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>Look up the caller&apos;s name (caller-ID lookup)</source>
        <translation>Namen des Anrufers nachschlagen (Anrufer-ID-Abfrage)</translation>
    </message>
    <message>
        <source>SMS (Restcomm)</source>
        <translation>SMS (Restcomm)</translation>
    </message>
    <message>
        <source>SMS URL:</source>
        <translation>SMS-URL:</translation>
    </message>
    <message>
        <source>Where Restcomm posts incoming SMS.</source>
        <translation>Die Adresse, an die Restcomm eingehende SMS sendet.</translation>
    </message>
    <message>
        <source>SMS fallback URL:</source>
        <translation>SMS-Fallback-URL:</translation>
    </message>
    <message>
        <source>Used when the SMS URL fails.</source>
        <translation>Wird verwendet, wenn die SMS-URL fehlschlägt.</translation>
    </message>
    <message>
        <source>SMS application SID:</source>
        <translation>SID der SMS-Anwendung:</translation>
    </message>
    <message>
        <source>A Restcomm application that handles SMS instead of the SMS URL.</source>
        <translation>Eine Restcomm-Anwendung, die SMS anstelle der SMS-URL verarbeitet.</translation>
    </message>
    <message>
        <source>Transfer (Restcomm)</source>
        <translation>Weitervermittlung (Restcomm)</translation>
    </message>
    <message>
        <source>Refer URL:</source>
        <translation>Refer-URL:</translation>
    </message>
    <message>
        <source>Where Restcomm asks what to do with a SIP REFER (transfer).</source>
        <translation>Die Adresse, bei der Restcomm nachfragt, was mit einem SIP-REFER (Weitervermittlung) geschehen soll.</translation>
    </message>
    <message>
        <source>Refer application SID:</source>
        <translation>SID der Refer-Anwendung:</translation>
    </message>
    <message>
        <source>A Restcomm application that handles transfers.</source>
        <translation>Eine Restcomm-Anwendung, die Weitervermittlungen verarbeitet.</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>API-Version:</translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <source>The address “%1” is not a valid URL; write it as https://host.</source>
        <translation>Die Adresse “%1” ist keine gültige URL; schreiben Sie sie als https://host.</translation>
    </message>
    <message>
        <source>The address %1 uses plain http; provider connections must use https (http is only accepted for the local emulator on 127.0.0.1).</source>
        <translation>Die Adresse %1 verwendet unverschlüsseltes http; Verbindungen zu Anbietern müssen https verwenden (http wird nur für den lokalen Emulator auf 127.0.0.1 akzeptiert).</translation>
    </message>
    <message>
        <source>The address %1 uses the scheme “%2”; use https.</source>
        <translation>Die Adresse %1 verwendet das Schema “%2”; verwenden Sie https.</translation>
    </message>
</context>
<context>
    <name>EndpointType</name>
    <message>
        <source>Virtual (no device)</source>
        <translation>Virtuell (kein Gerät)</translation>
    </message>
    <message>
        <source>Device (desk phone, adapter)</source>
        <translation>Gerät (Tischtelefon, Adapter)</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Writes the local copy as CSV (safe to open in Excel) or JSON.
--filter: conditions joined by &quot;,&quot;, all must hold: column=pattern or column!=pattern, case-insensitive, * matches anything, e.g. &quot;usageType=DirectNumber,number=+4930*&quot;.</source>
        <translation>Schreibt die lokale Kopie als CSV (lässt sich gefahrlos in Excel öffnen) oder JSON.
--filter: durch &quot;,&quot; verbundene Bedingungen, die alle erfüllt sein müssen: Spalte=Muster oder Spalte!=Muster, ohne Unterscheidung von Groß- und Kleinschreibung, * steht für beliebigen Text, z. B. &quot;usageType=DirectNumber,number=+4930*&quot;.</translation>
    </message>
    <message>
        <source>Only this profile (name or id).</source>
        <translation>Nur dieses Profil (Name oder ID).</translation>
    </message>
    <message>
        <source>csv or json.</source>
        <translation>csv oder json.</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>In diese Datei statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Only rows matching the expression.</source>
        <translation>Nur Zeilen, die dem Ausdruck entsprechen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>In die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>CSV for Excel: a UTF-8 byte order mark, so that umlauts show, and the locale&apos;s list separator (&quot;;&quot; where the decimal point is a comma).</source>
        <translation>CSV für Excel: eine UTF-8-Bytereihenfolgemarke, damit Umlaute richtig erscheinen, und das Listentrennzeichen des Gebietsschemas („;“, wo das Dezimalzeichen ein Komma ist).</translation>
    </message>
    <message>
        <source>numbers, extensions, forwarding, call-flip, port-orders, routes, audit or pending</source>
        <translation>numbers, extensions, forwarding, call-flip, port-orders, routes, audit oder pending</translation>
    </message>
    <message>
        <source>export: name one of numbers, extensions, forwarding, call-flip, port-orders, routes, audit, pending.</source>
        <translation>export: Geben Sie numbers, extensions, forwarding, call-flip, port-orders, routes, audit oder pending an.</translation>
    </message>
    <message>
        <source>audit: entries from this time on (2026-12-01 or 2026-12-01T09:00, local time).</source>
        <translation>audit: Einträge ab diesem Zeitpunkt (2026-12-01 oder 2026-12-01T09:00, Ortszeit).</translation>
    </message>
    <message>
        <source>audit: entries before this time.</source>
        <translation>audit: Einträge vor diesem Zeitpunkt.</translation>
    </message>
    <message>
        <source>--%1: only the audit log has times to choose from.</source>
        <translation>--%1: nur das Änderungsprotokoll hat Zeiten, nach denen sich wählen lässt.</translation>
    </message>
    <message>
        <source>--%1: “%2” is not a date or time; use 2026-12-01 or 2026-12-01T09:00.</source>
        <translation>--%1: „%2“ ist kein Datum und keine Uhrzeit; verwenden Sie 2026-12-01 oder 2026-12-01T09:00.</translation>
    </message>
</context>
<context>
    <name>ExtensionCallSettingsWidget</name>
    <message>
        <source>Call handling during business hours</source>
        <translation>Anrufbehandlung während der Geschäftszeiten</translation>
    </message>
    <message>
        <source>When a call &amp;comes in:</source>
        <translation>&amp;Bei eingehendem Anruf:</translation>
    </message>
    <message>
        <source>&amp;Forward to:</source>
        <translation>&amp;Weiterleiten an:</translation>
    </message>
    <message>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>&amp;Transfer to:</source>
        <translation>&amp;Durchstellen an:</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <source>Take a &amp;voicemail when a call is not answered</source>
        <translation>&amp;Voicemail aufnehmen, wenn ein Anruf nicht angenommen wird</translation>
    </message>
    <message>
        <source>The business-hours rule: voicemail.enabled</source>
        <translation>Die Geschäftszeitenregel: voicemail.enabled</translation>
    </message>
    <message>
        <source>Notify by &amp;e-mail about new voicemail</source>
        <translation>Per &amp;E-Mail über neue Voicemails benachrichtigen</translation>
    </message>
    <message>
        <source>Attach the voicemail as an audio &amp;file</source>
        <translation>Voicemail als &amp;Audiodatei anhängen</translation>
    </message>
    <message>
        <source>Mark the voicemail as &amp;read once it is e-mailed</source>
        <translation>Voicemail nach dem E-Mail-Versand als ge&amp;lesen markieren</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>E-&amp;mail addresses:</source>
        <translation>E-&amp;Mail-Adressen:</translation>
    </message>
    <message>
        <source>anna@example.com, office@example.com</source>
        <translation>anna@example.com, buero@example.com</translation>
    </message>
    <message>
        <source>Where notifications are sent; separate several addresses with commas.</source>
        <translation>Empfänger der Benachrichtigungen; trennen Sie mehrere Adressen durch Kommas.</translation>
    </message>
    <message>
        <source>Missed calls:</source>
        <translation>Verpasste Anrufe:</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <source>By SMS</source>
        <translation>Per SMS</translation>
    </message>
    <message>
        <source>Incoming texts:</source>
        <translation>Eingehende Nachrichten:</translation>
    </message>
    <message>
        <source>Outbound caller ID</source>
        <translation>Ausgehende Anrufer-ID</translation>
    </message>
    <message>
        <source>&amp;Show callers:</source>
        <translation>Ange&amp;zeigte Rufnummer:</translation>
    </message>
    <message>
        <source>Call handling after hours</source>
        <translation>Anrufbehandlung außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>When a call comes in after &amp;hours:</source>
        <translation>Wenn ein Anruf außerhalb der &amp;Geschäftszeiten eingeht:</translation>
    </message>
    <message>
        <source>Forward t&amp;o:</source>
        <translation>Weiterleiten a&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Application:</source>
        <translation>&amp;Anwendung:</translation>
    </message>
    <message>
        <source>Custom rules</source>
        <translation>Benutzerdefinierte Regeln</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>Ansagen</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Ansage</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>ExtensionCreateDialog</name>
    <message>
        <source>New extension</source>
        <translation>Neue Nebenstelle</translation>
    </message>
    <message>
        <source>The new extension is staged as a pending change and created at RingCentral with the next sync. RingCentral sends the welcome e-mail to the address below.</source>
        <translation>Die neue Nebenstelle wird als ausstehende Änderung vorgemerkt und bei der nächsten Synchronisierung bei RingCentral angelegt. RingCentral sendet die Willkommens-E-Mail an die unten angegebene Adresse.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>E&amp;xtension number:</source>
        <translation>Ne&amp;benstellennummer:</translation>
    </message>
    <message>
        <source>Digits, e.g. 105</source>
        <translation>Ziffern, z. B. 105</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>Nac&amp;hname:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Built from the first and last name.</source>
        <translation>Aus Vor- und Nachname gebildet.</translation>
    </message>
</context>
<context>
    <name>ExtensionEditor</name>
    <message>
        <source>No extension selected</source>
        <translation>Keine Nebenstelle ausgewählt</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>E&amp;xtension number:</source>
        <translation>Ne&amp;benstellennummer:</translation>
    </message>
    <message>
        <source>Digits, e.g. 101</source>
        <translation>Ziffern, z. B. 101</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontakt</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>V&amp;orname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>Nac&amp;hname:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>Abtei&amp;lung:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Business phone:</source>
        <translation>&amp;Geschäftstelefon:</translation>
    </message>
    <message>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation>&amp;Mobiltelefon:</translation>
    </message>
    <message>
        <source>+49 151 23456789</source>
        <translation>+49 151 23456789</translation>
    </message>
    <message>
        <source>&amp;Forwarding &amp;&amp; flip</source>
        <translation>&amp;Weiterleitung &amp;&amp; Flip</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Forget the unsaved edits of this extension</source>
        <translation>Die nicht gespeicherten Änderungen an dieser Nebenstelle verwerfen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Stage the edits as pending changes (Ctrl+S); they reach the provider with the next sync</source>
        <translation>Die Änderungen als ausstehende Änderungen vormerken (Strg+S); sie werden bei der nächsten Synchronisierung an den Anbieter übertragen</translation>
    </message>
    <message>
        <source>Call &amp;settings</source>
        <translation>An&amp;rufeinstellungen</translation>
    </message>
</context>
<context>
    <name>ExtensionPermissions</name>
    <message>
        <source>The profile no longer exists.</source>
        <translation>Das Profil existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Telnyx has no extensions: profile “%1” only has phone numbers.</source>
        <translation>Telnyx hat keine Nebenstellen: Das Profil “%1” hat nur Rufnummern.</translation>
    </message>
    <message>
        <source>Restcomm has no extensions: profile “%1” routes numbers to applications instead.</source>
        <translation>Restcomm hat keine Nebenstellen: Das Profil “%1” leitet Rufnummern stattdessen an Anwendungen weiter.</translation>
    </message>
    <message>
        <source>Only an administrator of this RingCentral account can create extensions.</source>
        <translation>Nur ein Administrator dieses RingCentral-Kontos kann Nebenstellen anlegen.</translation>
    </message>
    <message>
        <source>Only an administrator of this RingCentral account can delete extensions.</source>
        <translation>Nur ein Administrator dieses RingCentral-Kontos kann Nebenstellen löschen.</translation>
    </message>
    <message>
        <source>You are signed in as this extension; it cannot delete itself.</source>
        <translation>Sie sind als diese Nebenstelle angemeldet; sie kann sich nicht selbst löschen.</translation>
    </message>
    <message>
        <source>Only an administrator of this RingCentral account can edit other users&apos; extensions; you can edit your own.</source>
        <translation>Nur ein Administrator dieses RingCentral-Kontos kann die Nebenstellen anderer Benutzer bearbeiten; Ihre eigene können Sie bearbeiten.</translation>
    </message>
    <message>
        <source>Only an administrator of this RingCentral account can change an extension&apos;s number or status.</source>
        <translation>Nur ein Administrator dieses RingCentral-Kontos kann die Nebenstellennummer oder den Status einer Nebenstelle ändern.</translation>
    </message>
    <message>
        <source>The app this account signs in with lacks the %1 app permission “%2”; ask whoever set up the app to grant it.</source>
        <translation>Der App, mit der sich dieses Konto anmeldet, fehlt die %1-App-Berechtigung „%2“; bitten Sie die Person, die die App eingerichtet hat, sie zu erteilen.</translation>
    </message>
</context>
<context>
    <name>ExtensionSettingsRepository</name>
    <message>
        <source>caller ID</source>
        <translation>Anrufer-ID</translation>
    </message>
    <message>
        <source>notification settings</source>
        <translation>Benachrichtigungseinstellungen</translation>
    </message>
    <message>
        <source>business-hours rule</source>
        <translation>Geschäftszeitenregel</translation>
    </message>
    <message>
        <source>Cannot read the %1 of extension %2</source>
        <translation>Lesen fehlgeschlagen: %1 der Nebenstelle %2</translation>
    </message>
    <message>
        <source>The stored %1 of extension %2 is not a JSON object (%3); fetch it again from the provider.</source>
        <translation>Die gespeicherten Daten (%1) der Nebenstelle %2 sind kein JSON-Objekt (%3); rufen Sie sie erneut vom Anbieter ab.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of extension settings; known kinds: %2.</source>
        <translation>&quot;%1&quot; ist keine Art von Nebenstelleneinstellungen; bekannte Arten: %2.</translation>
    </message>
    <message>
        <source>Cannot save the %1 of extension %2</source>
        <translation>Speichern fehlgeschlagen: %1 der Nebenstelle %2</translation>
    </message>
    <message>
        <source>after-hours rule</source>
        <translation>Regel außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>custom rules</source>
        <translation>benutzerdefinierte Regeln</translation>
    </message>
</context>
<context>
    <name>ExtensionStatus</name>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Nicht aktiviert</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
</context>
<context>
    <name>ExtensionTableQuery</name>
    <message>
        <source>Cannot count the extensions</source>
        <translation>Die Nebenstellen können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot read the extensions</source>
        <translation>Die Nebenstellen können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ExtensionType</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>Anrufwarteschlange</translation>
    </message>
    <message>
        <source>Announcement only</source>
        <translation>Nur Ansage</translation>
    </message>
    <message>
        <source>Message only</source>
        <translation>Nur Nachricht</translation>
    </message>
    <message>
        <source>Digital user</source>
        <translation>Digitaler Benutzer</translation>
    </message>
    <message>
        <source>Virtual user</source>
        <translation>Virtueller Benutzer</translation>
    </message>
    <message>
        <source>Fax user</source>
        <translation>Fax-Benutzer</translation>
    </message>
    <message>
        <source>Paging only group</source>
        <translation>Nur-Durchsage-Gruppe</translation>
    </message>
    <message>
        <source>Shared lines group</source>
        <translation>Gruppe mit gemeinsamen Leitungen</translation>
    </message>
    <message>
        <source>Delegated lines group</source>
        <translation>Gruppe mit delegierten Leitungen</translation>
    </message>
    <message>
        <source>Group call pickup</source>
        <translation>Gruppen-Anrufübernahme</translation>
    </message>
    <message>
        <source>IVR menu</source>
        <translation>IVR-Menü</translation>
    </message>
    <message>
        <source>Application extension</source>
        <translation>Anwendungsnebenstelle</translation>
    </message>
    <message>
        <source>Proxy admin</source>
        <translation>Proxy-Administrator</translation>
    </message>
    <message>
        <source>Room connector</source>
        <translation>Raumkonnektor</translation>
    </message>
    <message>
        <source>Park location</source>
        <translation>Parkposition</translation>
    </message>
    <message>
        <source>Limited extension</source>
        <translation>Eingeschränkte Nebenstelle</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Flexible user</source>
        <translation>Flexibler Benutzer</translation>
    </message>
    <message>
        <source>Tie line</source>
        <translation>Querverbindung</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ExtensionValidator</name>
    <message>
        <source>%1 has %2 characters; at most %3 are allowed.</source>
        <translation>%1 hat %2 Zeichen; erlaubt sind höchstens %3.</translation>
    </message>
    <message>
        <source>%1: %2 Type it with its country code, e.g. +49 30 1234567.</source>
        <translation>%1: %2 Geben Sie die Rufnummer mit Ländervorwahl ein, z. B. +49 30 1234567.</translation>
    </message>
    <message>
        <source>%1: %2 is a toll-free number; a mobile phone cannot be toll-free.</source>
        <translation>%1: %2 ist eine gebührenfreie Rufnummer; eine Mobilfunknummer kann nicht gebührenfrei sein.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Extension number</source>
        <translation>Nebenstellennummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>Geschäftstelefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <translation>Name ist erforderlich.</translation>
    </message>
    <message>
        <source>Extension number must be empty while the status is Unassigned.</source>
        <translation>Nebenstellennummer muss leer sein, solange der Status Nicht zugewiesen ist.</translation>
    </message>
    <message>
        <source>Extension number is required.</source>
        <translation>Nebenstellennummer ist erforderlich.</translation>
    </message>
    <message>
        <source>Extension number “%1” may contain digits only.</source>
        <translation>Nebenstellennummer “%1” darf nur Ziffern enthalten.</translation>
    </message>
    <message>
        <source>Extension number has %1 digits; at most %2 are allowed.</source>
        <translation>Nebenstellennummer hat %1 Ziffern; erlaubt sind höchstens %2.</translation>
    </message>
    <message>
        <source>Extension number %1 is already used by %2.</source>
        <translation>Nebenstellennummer %1 wird bereits von %2 verwendet.</translation>
    </message>
    <message>
        <source>Status Unassigned cannot be chosen: RingCentral sets it when an extension has no number.</source>
        <translation>Der Status Nicht zugewiesen kann nicht gewählt werden: RingCentral setzt ihn, wenn eine Nebenstelle keine Nummer hat.</translation>
    </message>
    <message>
        <source>Time zone “%1” is not in the list of time zones; choose one from the list.</source>
        <translation>Die Zeitzone “%1” ist nicht in der Liste der Zeitzonen; wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <source>First name is required for a new extension.</source>
        <translation>Vorname ist für eine neue Nebenstelle erforderlich.</translation>
    </message>
    <message>
        <source>E-mail is required for a new extension.</source>
        <translation>E-Mail ist für eine neue Nebenstelle erforderlich.</translation>
    </message>
    <message>
        <source>E-mail “%1” is not an e-mail address: it needs a name, an @ and a domain, such as anna@example.com.</source>
        <translation>E-Mail “%1” ist keine E-Mail-Adresse: Sie benötigt einen Namen, ein @ und eine Domain, z. B. anna@example.com.</translation>
    </message>
</context>
<context>
    <name>ExtensionsPage</name>
    <message>
        <source>Extensions</source>
        <translation>Nebenstellen</translation>
    </message>
    <message>
        <source>&amp;New extension…</source>
        <translation>&amp;Neue Nebenstelle…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Name, extension number or e-mail</source>
        <translation>Name, Nebenstellennummer oder E-Mail</translation>
    </message>
    <message>
        <source>Where the extension&apos;s calls ring: no device (virtual), a desk phone or adapter, the mobile app or a softphone. Read with each extension&apos;s details.</source>
        <translation>Wo die Anrufe der Nebenstelle klingeln: kein Gerät (virtuell), ein Tischtelefon oder Adapter, die Mobil-App oder ein Softphone. Wird mit den Details jeder Nebenstelle gelesen.</translation>
    </message>
</context>
<context>
    <name>ForwardingEditor</name>
    <message>
        <source>Numbers this extension forwards calls to, and its call flip list. The flip digit a caller dials follows the order of the list: drag a row or use Move up / Move down.</source>
        <translation>Rufnummern, an die diese Nebenstelle Anrufe weiterleitet, und ihre Call-Flip-Liste. Die Flip-Ziffer, die ein Anrufer wählt, folgt der Reihenfolge der Liste: Ziehen Sie eine Zeile oder verwenden Sie Nach oben / Nach unten.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a forwarding number (at most 10)</source>
        <translation>Eine Weiterleitungsnummer hinzufügen (höchstens 10)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected number from the list</source>
        <translation>Die ausgewählte Rufnummer aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the selected number up the flip order (Alt+Up)</source>
        <translation>Die ausgewählte Rufnummer in der Flip-Reihenfolge nach oben verschieben (Alt+Pfeil nach oben)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the selected number down the flip order (Alt+Down)</source>
        <translation>Die ausgewählte Rufnummer in der Flip-Reihenfolge nach unten verschieben (Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>Selected number</source>
        <translation>Ausgewählte Rufnummer</translation>
    </message>
    <message>
        <source>&amp;Phone number:</source>
        <translation>&amp;Rufnummer:</translation>
    </message>
    <message>
        <source>+49 151 23456789</source>
        <translation>+49 151 23456789</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Funktionen:</translation>
    </message>
    <message>
        <source>Flip digit:</source>
        <translation>Flip-Ziffer:</translation>
    </message>
    <message>
        <source>Call forwarding</source>
        <translation>Anrufweiterleitung</translation>
    </message>
    <message>
        <source>Call flip</source>
        <translation>Call-Flip</translation>
    </message>
</context>
<context>
    <name>ForwardingFeature</name>
    <message>
        <source>Call forwarding</source>
        <translation>Anrufweiterleitung</translation>
    </message>
    <message>
        <source>Call flip</source>
        <translation>Call-Flip</translation>
    </message>
</context>
<context>
    <name>ForwardingListCheck</name>
    <message>
        <source>RingCentral sets the features: every number added to the list gets call forwarding and call flip, and keeps them. To take a number out of the call flip list, remove it.</source>
        <translation>RingCentral setzt die Funktionen: Jede Nummer, die der Liste hinzugefügt wird, erhält Anrufweiterleitung und Call-Flip und behält sie. Um eine Nummer aus der Call-Flip-Liste zu nehmen, entfernen Sie sie.</translation>
    </message>
</context>
<context>
    <name>ForwardingNumberRepository</name>
    <message>
        <source>Cannot replace the forwarding numbers of extension %1</source>
        <translation>Die Weiterleitungsnummern der Nebenstelle %1 können nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Cannot save the forwarding number %1 of extension %2</source>
        <translation>Die Weiterleitungsnummer %1 der Nebenstelle %2 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read the forwarding numbers of extension %1</source>
        <translation>Die Weiterleitungsnummern der Nebenstelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the forwarding lists that hold %1</source>
        <translation>Die Weiterleitungslisten mit %1 können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ForwardingRules</name>
    <message>
        <source>A phone line entry needs a device.</source>
        <translation>Ein Eintrag vom Typ Telefonleitung benötigt ein Gerät.</translation>
    </message>
    <message>
        <source>A phone line entry names a device; it cannot also have the phone number %1.</source>
        <translation>Ein Eintrag vom Typ Telefonleitung nennt ein Gerät; er kann nicht zusätzlich die Rufnummer %1 haben.</translation>
    </message>
    <message>
        <source>The phone number is required.</source>
        <translation>Die Rufnummer ist erforderlich.</translation>
    </message>
    <message>
        <source>The phone number “%1” must be in E.164 form: + country code and number, digits only.</source>
        <translation>Die Rufnummer “%1” muss im E.164-Format angegeben werden: + Ländervorwahl und Rufnummer, nur Ziffern.</translation>
    </message>
    <message>
        <source>The phone number %1 is a direct number of this account and cannot be a forwarding number.</source>
        <translation>Die Rufnummer %1 ist eine Direktrufnummer dieses Kontos und kann keine Weiterleitungsnummer sein.</translation>
    </message>
    <message>
        <source>The label has %1 characters; at most 60 are allowed.</source>
        <translation>Die Bezeichnung hat %1 Zeichen; erlaubt sind höchstens 60.</translation>
    </message>
    <message>
        <source>The label “%1” would be ignored: only entries of type Other keep a custom label, this entry is of type %2.</source>
        <translation>Die Bezeichnung “%1” würde ignoriert: Nur Einträge vom Typ Sonstige behalten eine eigene Bezeichnung, dieser Eintrag ist vom Typ %2.</translation>
    </message>
    <message>
        <source>Choose at least one of call forwarding and call flip.</source>
        <translation>Wählen Sie mindestens Anrufweiterleitung oder Call-Flip.</translation>
    </message>
    <message>
        <source>The flip number must be from 1 to 10 for an entry in the call flip list; it is %1.</source>
        <translation>Die Flip-Nummer muss für einen Eintrag in der Call-Flip-Liste zwischen 1 und 10 liegen; sie ist %1.</translation>
    </message>
    <message>
        <source>The entry has flip number %1 but is not in the call flip list.</source>
        <translation>Der Eintrag hat die Flip-Nummer %1, steht aber nicht in der Call-Flip-Liste.</translation>
    </message>
    <message>
        <source>The list has %1 forwarding numbers; at most 10 are allowed.</source>
        <translation>Die Liste hat %1 Weiterleitungsnummern; erlaubt sind höchstens 10.</translation>
    </message>
    <message>
        <source>The phone number %1 is already in the list as entry %2.</source>
        <translation>Die Rufnummer %1 steht bereits als Eintrag %2 in der Liste.</translation>
    </message>
    <message>
        <source>Flip number %1 is already used by entry %2.</source>
        <translation>Die Flip-Nummer %1 wird bereits von Eintrag %2 verwendet.</translation>
    </message>
    <message>
        <source>The list uses %1 custom labels; at most 7 are allowed.</source>
        <translation>Die Liste verwendet %1 eigene Bezeichnungen; erlaubt sind höchstens 7.</translation>
    </message>
    <message>
        <source>Flip number %1 is missing: the %2 entries of the call flip list must use the flip numbers 1 to %2 without gaps.</source>
        <translation>Die Flip-Nummer %1 fehlt: Die %2 Einträge der Call-Flip-Liste müssen die Flip-Nummern 1 bis %2 lückenlos verwenden.</translation>
    </message>
</context>
<context>
    <name>ForwardingType</name>
    <message>
        <source>Home</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Geschäftlich</translation>
    </message>
    <message>
        <source>Phone line</source>
        <translation>Telefonleitung</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>Ausfall</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Business mobile phone</source>
        <translation>Geschäftliches Mobiltelefon</translation>
    </message>
    <message>
        <source>Extension apps</source>
        <translation>Nebenstellen-Apps</translation>
    </message>
</context>
<context>
    <name>FourEyesPolicy</name>
    <message>
        <source>Cannot read the four-eyes setting</source>
        <translation>Die Einstellung zur Vier-Augen-Freigabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read who may change the four-eyes setting</source>
        <translation>Es kann nicht gelesen werden, wer die Einstellung zur Vier-Augen-Freigabe ändern darf</translation>
    </message>
    <message>
        <source>Four-eyes approval needs a team database on PostgreSQL; %1 is a SQLite file.</source>
        <translation>Die Vier-Augen-Freigabe erfordert eine Team-Datenbank auf PostgreSQL; %1 ist eine SQLite-Datei.</translation>
    </message>
    <message>
        <source>Only the database role that owns Trunkline&apos;s tables (%1) can switch four-eyes approval on or off; you are connected as %2.</source>
        <translation>Nur die Datenbankrolle, der die Tabellen von Trunkline gehören (%1), kann die Vier-Augen-Freigabe ein- oder ausschalten; Sie sind als %2 verbunden.</translation>
    </message>
    <message>
        <source>Cannot change the four-eyes setting</source>
        <translation>Die Einstellung zur Vier-Augen-Freigabe kann nicht geändert werden</translation>
    </message>
    <message>
        <source>You staged change %1 yourself; with four-eyes approval someone else must approve it.</source>
        <translation>Sie haben Änderung %1 selbst vorgemerkt; bei Vier-Augen-Freigabe muss jemand anderes sie freigeben.</translation>
    </message>
    <message>
        <source>Change %1 needs a second person&apos;s approval before it is applied (four-eyes is on).</source>
        <translation>Änderung %1 muss von einer zweiten Person freigegeben werden, bevor sie angewendet wird (Vier-Augen-Freigabe ist aktiv).</translation>
    </message>
    <message>
        <source>Change %1: only its approver&apos;s own connection can record an approval, and its author cannot be changed.</source>
        <translation>Änderung %1: Nur die eigene Verbindung der freigebenden Person kann eine Freigabe erfassen, und ihr Urheber kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Only the database role that owns Trunkline&apos;s tables can switch four-eyes approval.</source>
        <translation>Nur die Datenbankrolle, der die Tabellen von Trunkline gehören, kann die Vier-Augen-Freigabe umschalten.</translation>
    </message>
    <message>
        <source>There is no pending change %1.</source>
        <translation>Es gibt keine vorgemerkte Änderung %1.</translation>
    </message>
    <message>
        <source>Change %1 is being applied or already applied and cannot be approved any more.</source>
        <translation>Änderung %1 wird gerade angewendet oder wurde bereits angewendet und kann nicht mehr freigegeben werden.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of staged edits</source>
        <translation>Verlauf der vorgemerkten Bearbeitungen</translation>
    </message>
    <message>
        <source>The edits staged since the database was opened, oldest first; the selected one is the last in effect. Click an entry to go back to it (the edits after it are undone) or forward to it (they are redone). An edit already applied cannot be undone.</source>
        <translation>Die seit dem Öffnen der Datenbank vorgemerkten Bearbeitungen, älteste zuerst; die ausgewählte ist die letzte wirksame. Klicken Sie auf einen Eintrag, um zu ihm zurückzugehen (die Bearbeitungen danach werden rückgängig gemacht) oder zu ihm vorzugehen (sie werden wiederholt). Eine bereits angewendete Bearbeitung kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Staged edits</source>
        <translation>Vorgemerkte Bearbeitungen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Trunkline</source>
        <translation>&amp;Über Trunkline</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>The staged edits by name; undo or redo up to one (Ctrl+Shift+H)</source>
        <translation>Die vorgemerkten Bearbeitungen nach Namen; bis zu einer beliebigen rückgängig machen oder wiederholen (Strg+Umschalt+H)</translation>
    </message>
</context>
<context>
    <name>MigrateNumbersDialog</name>
    <message>
        <source>Migrate numbers</source>
        <translation>Rufnummern migrieren</translation>
    </message>
    <message>
        <source>&amp;Account (AccountSid):</source>
        <translation>&amp;Konto (AccountSid):</translation>
    </message>
    <message>
        <source>AC…</source>
        <translation>AC…</translation>
    </message>
    <message>
        <source>To &amp;organisation (OrganizationSid):</source>
        <translation>In &amp;Organisation (OrganizationSid):</translation>
    </message>
    <message>
        <source>OR…</source>
        <translation>OR…</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Cannot read the schema version of %1: %2</source>
        <translation>Die Schemaversion von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot prepare the schema of %1: %2</source>
        <translation>Das Schema von %1 kann nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, but this version of Trunkline only knows schema versions up to %3. Update Trunkline to open it.</source>
        <translation>Die Datenbank %1 hat die Schemaversion %2, diese Version von Trunkline kennt aber nur Schemaversionen bis %3. Aktualisieren Sie Trunkline, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>Cannot lock the schema of %1: %2</source>
        <translation>Das Schema von %1 kann nicht gesperrt werden: %2</translation>
    </message>
    <message>
        <source>Cannot upgrade %1 to schema version %2: %3</source>
        <translation>%1 kann nicht auf Schemaversion %2 aktualisiert werden: %3</translation>
    </message>
</context>
<context>
    <name>NumberChangePayloads</name>
    <message>
        <source>The account is an AccountSid: AC followed by 32 letters and digits.</source>
        <translation>Das Konto ist eine AccountSid: AC, gefolgt von 32 Buchstaben und Ziffern.</translation>
    </message>
    <message>
        <source>Restcomm does not migrate the numbers of the super admin&apos;s own account; choose one of its sub-accounts.</source>
        <translation>Restcomm migriert die Rufnummern des eigenen Kontos des Super-Admins nicht; wählen Sie eines seiner Unterkonten.</translation>
    </message>
    <message>
        <source>The organisation is an OrganizationSid: OR followed by 32 letters and digits.</source>
        <translation>Die Organisation ist eine OrganizationSid: OR, gefolgt von 32 Buchstaben und Ziffern.</translation>
    </message>
</context>
<context>
    <name>NumberFeature</name>
    <message>
        <source>Caller ID</source>
        <translation>Anrufer-ID</translation>
    </message>
    <message>
        <source>SMS sender</source>
        <translation>SMS-Absender</translation>
    </message>
    <message>
        <source>A2P SMS sender</source>
        <translation>A2P-SMS-Absender</translation>
    </message>
    <message>
        <source>MMS sender</source>
        <translation>MMS-Absender</translation>
    </message>
    <message>
        <source>International SMS sender</source>
        <translation>Internationaler SMS-Absender</translation>
    </message>
    <message>
        <source>Delegated</source>
        <translation>Delegiert</translation>
    </message>
</context>
<context>
    <name>NumberPusher</name>
    <message>
        <source>Number %1 was already released at Restcomm.</source>
        <translation>Die Rufnummer %1 war bei Restcomm bereits freigegeben.</translation>
    </message>
    <message>
        <source>The number was released at Restcomm since you edited it.</source>
        <translation>Die Rufnummer wurde seit Ihrer Bearbeitung bei Restcomm freigegeben.</translation>
    </message>
    <message>
        <source>changed at the provider since you edited it.</source>
        <translation>seit Ihrer Bearbeitung beim Anbieter geändert.</translation>
    </message>
    <message>
        <source>changed at the provider since you edited it: %1.</source>
        <translation>seit Ihrer Bearbeitung beim Anbieter geändert: %1.</translation>
    </message>
    <message>
        <source>Number %1 already had the new values.</source>
        <translation>Die Rufnummer %1 hatte bereits die neuen Werte.</translation>
    </message>
    <message>
        <source>Updated number %1 (%2).</source>
        <translation>Rufnummer %1 aktualisiert (%2).</translation>
    </message>
    <message>
        <source>Released number %1.</source>
        <translation>Rufnummer %1 freigegeben.</translation>
    </message>
    <message>
        <source>Restcomm may have provisioned a number in area code %1 on an earlier attempt whose answer was lost; Trunkline cannot tell, so it does not send the request again. Check the numbers after the next sync, then discard this change or stage it again.</source>
        <translation>Restcomm hat bei einem früheren Versuch, dessen Antwort verloren ging, möglicherweise bereits eine Rufnummer mit der Vorwahl %1 bereitgestellt; Trunkline kann das nicht feststellen und sendet die Anfrage daher nicht erneut. Prüfen Sie die Rufnummern nach der nächsten Synchronisierung und verwerfen Sie dann diese Änderung oder merken Sie sie erneut vor.</translation>
    </message>
    <message>
        <source>Number %1 had already been provisioned.</source>
        <translation>Die Rufnummer %1 war bereits bereitgestellt.</translation>
    </message>
    <message>
        <source>Could not check whether number %1 is provisioned already.</source>
        <translation>Es konnte nicht geprüft werden, ob die Rufnummer %1 bereits bereitgestellt ist.</translation>
    </message>
    <message>
        <source>Provisioned number %1 (sid %2).</source>
        <translation>Rufnummer %1 bereitgestellt (SID %2).</translation>
    </message>
    <message>
        <source>RingCentral numbers cannot be ordered through its API; order the number in the RingCentral admin portal, then sync.</source>
        <translation>RingCentral-Rufnummern können nicht über die API bestellt werden; bestellen Sie die Rufnummer im RingCentral-Adminportal und synchronisieren Sie anschließend.</translation>
    </message>
    <message>
        <source>RingCentral numbers cannot be released through this API (only inventory and forwarded numbers can be deleted there); release the number in the RingCentral admin portal and discard this change.</source>
        <translation>RingCentral-Rufnummern können über diese API nicht freigegeben werden (dort lassen sich nur Bestands- und weitergeleitete Rufnummern löschen); geben Sie die Rufnummer im RingCentral-Adminportal frei und verwerfen Sie diese Änderung.</translation>
    </message>
    <message>
        <source>RingCentral&apos;s API cannot change a phone number&apos;s label (it is read-only in CompanyPhoneNumberInfo); change it in the RingCentral admin portal and discard this change.</source>
        <translation>Die API von RingCentral kann die Bezeichnung einer Rufnummer nicht ändern (sie ist in CompanyPhoneNumberInfo schreibgeschützt); ändern Sie sie im RingCentral-Adminportal und verwerfen Sie diese Änderung.</translation>
    </message>
    <message>
        <source>RingCentral numbers cannot be changed (%1) through the API Trunkline uses; change them in the RingCentral admin portal and discard this change.</source>
        <translation>RingCentral-Rufnummern können über die von Trunkline verwendete API nicht geändert werden (%1); ändern Sie sie im RingCentral-Adminportal und verwerfen Sie diese Änderung.</translation>
    </message>
    <message>
        <source>Phone numbers of %1 profiles cannot be changed by Trunkline.</source>
        <translation>Rufnummern von %1-Profilen können von Trunkline nicht geändert werden.</translation>
    </message>
    <message>
        <source>Profile %1 names no Restcomm Account SID.</source>
        <translation>Das Profil %1 nennt keine Restcomm Account SID.</translation>
    </message>
    <message>
        <source>Moved the numbers of account %1 and of its sub-accounts to organisation %2.</source>
        <translation>Die Rufnummern des Kontos %1 und seiner Unterkonten wurden in die Organisation %2 verschoben.</translation>
    </message>
    <message>
        <source>Only a super admin (an account without a parent account) may migrate numbers, and this profile&apos;s account is not one.</source>
        <translation>Nur ein Super-Admin (ein Konto ohne übergeordnetes Konto) darf Rufnummern migrieren, und das Konto dieses Profils ist keiner.</translation>
    </message>
    <message>
        <source>The number was removed at RingCentral since you edited it.</source>
        <translation>Die Rufnummer wurde bei RingCentral entfernt, seit Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>Number %1 changed at RingCentral since you edited it.</source>
        <translation>Die Rufnummer %1 wurde bei RingCentral geändert, seit Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>Number %1 is now the company&apos;s.</source>
        <translation>Die Rufnummer %1 gehört jetzt der Firma.</translation>
    </message>
    <message>
        <source>Number %1 is now the direct number of extension %2.</source>
        <translation>Die Rufnummer %1 ist jetzt die Durchwahlnummer der Nebenstelle %2.</translation>
    </message>
    <message>
        <source>Telnyx numbers are changed and released in the Telnyx portal; discard this change.</source>
        <translation>Telnyx-Rufnummern werden im Telnyx-Portal geändert und zurückgegeben; verwerfen Sie diese Änderung.</translation>
    </message>
    <message>
        <source>A Telnyx order needs a number picked from the search, not “%1”.</source>
        <translation>Eine Telnyx-Bestellung benötigt eine aus der Suche ausgewählte Rufnummer, nicht „%1“.</translation>
    </message>
    <message>
        <source>Telnyx could not complete order %1 for number %2; see the order in the Telnyx portal, then discard this change or stage the number again.</source>
        <translation>Telnyx konnte Bestellung %1 für Rufnummer %2 nicht abschließen; sehen Sie sich die Bestellung im Telnyx-Portal an und verwerfen Sie dann diese Änderung oder merken Sie die Rufnummer erneut vor.</translation>
    </message>
    <message>
        <source>Number %1 had already been ordered at Telnyx (order %2).</source>
        <translation>Rufnummer %1 wurde bereits bei Telnyx bestellt (Bestellung %2).</translation>
    </message>
    <message>
        <source>Ordered number %1 at Telnyx (order %2).</source>
        <translation>Rufnummer %1 bei Telnyx bestellt (Bestellung %2).</translation>
    </message>
    <message>
        <source>Telnyx is still completing it; the next sync shows the number.</source>
        <translation>Telnyx schließt den Vorgang noch ab; die nächste Synchronisierung zeigt die Rufnummer an.</translation>
    </message>
</context>
<context>
    <name>NumberStatus</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Porting pending</source>
        <translation>Portierung ausstehend</translation>
    </message>
    <message>
        <source>Ported in</source>
        <translation>Hereinportiert</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>Temporär</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>NumberTableQuery</name>
    <message>
        <source>Cannot count the phone numbers</source>
        <translation>Die Rufnummern können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot read the phone numbers</source>
        <translation>Die Rufnummern können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the pending changes</source>
        <translation>Die ausstehenden Änderungen können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>NumbersCsvExport</name>
    <message>
        <source>Cannot write the CSV file: %1</source>
        <translation>Die CSV-Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; the file holds only the first %1 rows.</source>
        <translation>Der Export wurde abgebrochen; die Datei enthält nur die ersten %1 Zeilen.</translation>
    </message>
</context>
<context>
    <name>NumbersPage</name>
    <message>
        <source>Phone numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>Number, e.g. +4930*12*</source>
        <translation>Rufnummer, z. B. +4930*12*</translation>
    </message>
    <message>
        <source>Digits of the number. * stands for any digits and ? for one digit; with them the pattern matches the whole number. Without them the digits may be anywhere in the number.</source>
        <translation>Ziffern der Rufnummer. * steht für beliebig viele Ziffern und ? für genau eine Ziffer; damit muss das Muster auf die ganze Rufnummer passen. Ohne sie dürfen die Ziffern an beliebiger Stelle der Rufnummer stehen.</translation>
    </message>
    <message>
        <source>Label or extension</source>
        <translation>Bezeichnung oder Nebenstelle</translation>
    </message>
    <message>
        <source>Unassigned only</source>
        <translation>Nur nicht zugewiesene</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select a number to see its details.</source>
        <translation>Wählen Sie eine Rufnummer aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>E.164</source>
        <translation>E.164</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Usage type</source>
        <translation>Nutzungsart</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Abrechnungsart</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Anrufart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Nebenstelle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Voice URL</source>
        <translation>Voice-URL</translation>
    </message>
    <message>
        <source>SMS URL</source>
        <translation>SMS-URL</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Ausstehende Änderung</translation>
    </message>
</context>
<context>
    <name>OrderDetailsRules</name>
    <message>
        <source>The end user (the company that holds the numbers today) is required.</source>
        <translation>Der Endkunde (die Firma, der die Rufnummern heute gehören) ist erforderlich.</translation>
    </message>
    <message>
        <source>The authorised person who signs the letter of authorisation is required.</source>
        <translation>Die bevollmächtigte Person, die die Portierungsvollmacht unterschreibt, ist erforderlich.</translation>
    </message>
    <message>
        <source>The street address where the numbers are in service is required.</source>
        <translation>Die Anschrift, an der die Rufnummern geschaltet sind, ist erforderlich.</translation>
    </message>
    <message>
        <source>The town or city is required.</source>
        <translation>Der Ort ist erforderlich.</translation>
    </message>
    <message>
        <source>A German postal code has five digits, e.g. 45127.</source>
        <translation>Eine deutsche Postleitzahl hat fünf Ziffern, z. B. 45127.</translation>
    </message>
    <message>
        <source>The requested porting date must be after today.</source>
        <translation>Das gewünschte Portierungsdatum muss nach dem heutigen Tag liegen.</translation>
    </message>
    <message>
        <source>Numbers are ported on working days; choose a day from Monday to Friday.</source>
        <translation>Rufnummern werden an Werktagen portiert; wählen Sie einen Tag von Montag bis Freitag.</translation>
    </message>
    <message>
        <source>The letter of authorisation (LOA), signed by the end user, is required: a PDF, JPEG or PNG file.</source>
        <translation>Die vom Endkunden unterschriebene Portierungsvollmacht (LOA) ist erforderlich: eine PDF-, JPEG- oder PNG-Datei.</translation>
    </message>
    <message>
        <source>The end user&apos;s latest invoice from the current carrier is required: a PDF, JPEG or PNG file.</source>
        <translation>Die letzte Rechnung des bisherigen Anbieters an den Endkunden ist erforderlich: eine PDF-, JPEG- oder PNG-Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has %2 MB; at most %3 MB can be uploaded.</source>
        <translation>%1 hat %2 MB; höchstens %3 MB können hochgeladen werden.</translation>
    </message>
    <message>
        <source>%1 is not a PDF, JPEG or PNG file.</source>
        <translation>%1 ist keine PDF-, JPEG- oder PNG-Datei.</translation>
    </message>
</context>
<context>
    <name>PaymentType</name>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Gebührenfrei</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Business mobile provider</source>
        <translation>Geschäftlicher Mobilfunkanbieter</translation>
    </message>
    <message>
        <source>External number provider</source>
        <translation>Externer Rufnummernanbieter</translation>
    </message>
    <message>
        <source>External number provider (toll-free)</source>
        <translation>Externer Rufnummernanbieter (gebührenfrei)</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
</context>
<context>
    <name>PendingChangeRepository</name>
    <message>
        <source>A pending change needs an entity and an entity key.</source>
        <translation>Eine ausstehende Änderung benötigt ein Objekt und einen Objektschlüssel.</translation>
    </message>
    <message>
        <source>Cannot stage the change to %1 %2</source>
        <translation>Die Änderung an %1 %2 kann nicht vorgemerkt werden</translation>
    </message>
    <message>
        <source>Cannot read the pending change %1</source>
        <translation>Die ausstehende Änderung %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the pending changes</source>
        <translation>Die ausstehenden Änderungen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot update the pending change %1</source>
        <translation>Die ausstehende Änderung %1 kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>The pending change %1 no longer exists.</source>
        <translation>Die ausstehende Änderung %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The pending change %1 is %2 and cannot become %3.</source>
        <translation>Die ausstehende Änderung %1 hat den Status %2 und kann nicht in den Status %3 wechseln.</translation>
    </message>
    <message>
        <source>The pending change %1 is being applied or already applied and cannot be edited.</source>
        <translation>Die ausstehende Änderung %1 wird gerade übernommen oder ist bereits übernommen und kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Cannot discard the pending change %1</source>
        <translation>Die ausstehende Änderung %1 kann nicht verworfen werden</translation>
    </message>
    <message>
        <source>Cannot remove the applied changes</source>
        <translation>Die übernommenen Änderungen können nicht entfernt werden</translation>
    </message>
    <message>
        <source>The pending change %1 is claimed by %2 until %3.</source>
        <translation>Die ausstehende Änderung %1 ist von %2 beansprucht bis %3.</translation>
    </message>
    <message>
        <source>A claim on pending change %1 needs an owner and a lease.</source>
        <translation>Ein Anspruch auf die ausstehende Änderung %1 braucht einen Inhaber und eine Frist.</translation>
    </message>
    <message>
        <source>Cannot claim the pending change %1</source>
        <translation>Die ausstehende Änderung %1 kann nicht beansprucht werden</translation>
    </message>
    <message>
        <source>Cannot record the attempt of pending change %1</source>
        <translation>Der Versuch der ausstehenden Änderung %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The pending change %1 was edited by someone else since you opened it (revision %2, now %3); reload it and make your edit again.</source>
        <translation>Die ausstehende Änderung %1 wurde von jemand anderem bearbeitet, seit Sie sie geöffnet haben (Revision %2, jetzt %3); laden Sie sie neu und nehmen Sie Ihre Bearbeitung erneut vor.</translation>
    </message>
    <message>
        <source>The pending change %1 is being applied by %2 and cannot be discarded before %3.</source>
        <translation>Die ausstehende Änderung %1 wird gerade von %2 übertragen und kann nicht vor %3 verworfen werden.</translation>
    </message>
    <message>
        <source>Cannot release the claim on pending change %1</source>
        <translation>Der Anspruch auf die ausstehende Änderung %1 kann nicht aufgehoben werden</translation>
    </message>
    <message>
        <source>The pending change %1 cannot be put back: a change with that number exists again.</source>
        <translation>Die vorgemerkte Änderung %1 kann nicht wiederhergestellt werden: Es gibt wieder eine Änderung mit dieser Nummer.</translation>
    </message>
    <message>
        <source>Cannot put back the pending change %1</source>
        <translation>Die vorgemerkte Änderung %1 kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Cannot withdraw the pending change %1</source>
        <translation>Die vorgemerkte Änderung %1 kann nicht zurückgezogen werden</translation>
    </message>
    <message>
        <source>The pending change %1 was applied meanwhile.</source>
        <translation>Die vorgemerkte Änderung %1 wurde inzwischen angewendet.</translation>
    </message>
    <message>
        <source>The pending change %1 is being applied.</source>
        <translation>Die vorgemerkte Änderung %1 wird gerade angewendet.</translation>
    </message>
    <message>
        <source>Approving a change needs a team database on PostgreSQL, where the server knows who is who; %1 is a SQLite file.</source>
        <translation>Das Freigeben einer Änderung erfordert eine Teamdatenbank auf PostgreSQL, bei der der Server weiß, wer wer ist; %1 ist eine SQLite-Datei.</translation>
    </message>
    <message>
        <source>Cannot approve the pending change %1</source>
        <translation>Die vorgemerkte Änderung %1 kann nicht freigegeben werden</translation>
    </message>
    <message>
        <source>Approved change %1 (revision %2), staged by %3.</source>
        <translation>Änderung %1 (Revision %2) freigegeben, vorgemerkt von %3.</translation>
    </message>
    <message>
        <source>Cannot count the pending changes</source>
        <translation>Die ausstehenden Änderungen können nicht gezählt werden</translation>
    </message>
</context>
<context>
    <name>PendingChangesPage</name>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>&amp;Apply all</source>
        <translation>Alle &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Discard selected</source>
        <translation>Auswahl &amp;verwerfen</translation>
    </message>
    <message>
        <source>Discard a&amp;ll…</source>
        <translation>A&amp;lle verwerfen…</translation>
    </message>
    <message>
        <source>No pending changes. Edits you make on the other pages are staged here before they are sent to a provider.</source>
        <translation>Keine ausstehenden Änderungen. Änderungen, die Sie auf den anderen Seiten vornehmen, werden hier vorgemerkt, bevor sie an einen Anbieter gesendet werden.</translation>
    </message>
    <message>
        <source>Your edits wait here until they are applied to the provider, each field before → after, grouped by profile and record. Applying sends them in this order; a change that fails stays with its error, and a record that was changed at the provider since you edited it is marked as a conflict instead of being overwritten.</source>
        <translation>Ihre Bearbeitungen warten hier, bis sie beim Anbieter angewendet werden, jedes Feld als vorher → nachher, gruppiert nach Profil und Datensatz. Beim Anwenden werden sie in dieser Reihenfolge gesendet; eine fehlgeschlagene Änderung bleibt mit ihrem Fehler erhalten, und ein Datensatz, der seit Ihrer Bearbeitung beim Anbieter geändert wurde, wird als Konflikt markiert, statt überschrieben zu werden.</translation>
    </message>
    <message>
        <source>Apply &amp;selected</source>
        <translation>&amp;Ausgewählte anwenden</translation>
    </message>
    <message>
        <source>&amp;Resolve conflict…</source>
        <translation>Konflikt &amp;lösen…</translation>
    </message>
    <message>
        <source>%v of %m applied</source>
        <translation>%v von %m angewendet</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Results of applying</source>
        <translation>Ergebnisse des Anwendens</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>Aus&amp;blenden</translation>
    </message>
    <message>
        <source>Dismiss all &amp;results</source>
        <translation>Alle &amp;Ergebnisse ausblenden</translation>
    </message>
</context>
<context>
    <name>PendingCommand</name>
    <message>
        <source>Only this profile (name or id).</source>
        <translation>Nur dieses Profil (Name oder ID).</translation>
    </message>
    <message>
        <source>pending: “%1” is not a change id.</source>
        <translation>pending: “%1” ist keine Änderungs-ID.</translation>
    </message>
    <message>
        <source>There is no pending change %1.</source>
        <translation>Es gibt keine ausstehende Änderung %1.</translation>
    </message>
    <message>
        <source>list: also the applied changes.</source>
        <translation>list: auch die angewendeten Änderungen.</translation>
    </message>
    <message>
        <source>Attempts: %1. %2
</source>
        <translation>Versuche: %1. %2
</translation>
    </message>
    <message>
        <source>Change %1 · %2 · %3
</source>
        <translation>Änderung %1 · %2 · %3
</translation>
    </message>
    <message>
        <source>Staged by: %1
</source>
        <translation>Vorgemerkt von: %1
</translation>
    </message>
    <message>
        <source>Approved by: %1 at %2
</source>
        <translation>Freigegeben von: %1 am %2
</translation>
    </message>
    <message>
        <source>Change %1 is dropped: the provider&apos;s values stay.
</source>
        <translation>Änderung %1 wurde verworfen: Die Werte des Anbieters bleiben erhalten.
</translation>
    </message>
    <message>
        <source>Change %1 is staged again on the provider&apos;s current record; `pending apply %1` sends it.
</source>
        <translation>Änderung %1 ist erneut auf dem aktuellen Datensatz des Anbieters vorgemerkt; `pending apply %1` sendet sie.
</translation>
    </message>
    <message>
        <source>Lists, shows (each field before → after), approves, applies, discards or resolves staged changes, and switches four-eyes approval on a team database.</source>
        <translation>Listet vorgemerkte Änderungen auf, zeigt sie an (jedes Feld vorher → nachher), gibt sie frei, wendet sie an, verwirft sie oder löst ihre Konflikte und schaltet die Vier-Augen-Freigabe in einer Teamdatenbank ein oder aus.</translation>
    </message>
    <message>
        <source>list, show, approve, apply, discard, resolve or four-eyes</source>
        <translation>list, show, approve, apply, discard, resolve oder four-eyes</translation>
    </message>
    <message>
        <source>A change id (required by show, approve, discard and resolve; apply without it applies every due change); four-eyes takes on or off, or nothing to show the setting.</source>
        <translation>Eine Änderungs-ID (erforderlich für show, approve, discard und resolve; apply ohne ID wendet jede fällige Änderung an); four-eyes nimmt on oder off an oder nichts, um die Einstellung anzuzeigen.</translation>
    </message>
    <message>
        <source>resolve: keep your values of a conflict (the provider&apos;s where only it changed a field) and stage the change again on its current record.</source>
        <translation>resolve: bei einem Konflikt Ihre Werte behalten (die des Anbieters, wo nur dieser ein Feld geändert hat) und die Änderung erneut auf dem aktuellen Datensatz vormerken.</translation>
    </message>
    <message>
        <source>resolve: keep the provider&apos;s values of a conflict; the change is dropped.</source>
        <translation>resolve: bei einem Konflikt die Werte des Anbieters übernehmen; die Änderung wird verworfen.</translation>
    </message>
    <message>
        <source>pending: use `pending list`, `pending show ID`, `pending approve ID`, `pending apply [ID]`, `pending discard ID`, `pending resolve ID --keep-mine|--take-theirs` or `pending four-eyes [on|off]`.</source>
        <translation>pending: Verwenden Sie `pending list`, `pending show ID`, `pending approve ID`, `pending apply [ID]`, `pending discard ID`, `pending resolve ID --keep-mine|--take-theirs` oder `pending four-eyes [on|off]`.</translation>
    </message>
    <message>
        <source>Change %1 approved by %2.</source>
        <translation>Änderung %1 von %2 freigegeben.</translation>
    </message>
    <message>
        <source>pending four-eyes: use `pending four-eyes` to see the setting, or `pending four-eyes on` / `off` to switch it.</source>
        <translation>pending four-eyes: Verwenden Sie `pending four-eyes`, um die Einstellung anzuzeigen, oder `pending four-eyes on` / `off`, um sie umzuschalten.</translation>
    </message>
    <message>
        <source>Four-eyes approval: off (a SQLite file has one user; a team database on PostgreSQL can require it).</source>
        <translation>Vier-Augen-Freigabe: off (eine SQLite-Datei hat nur einen Benutzer; eine Teamdatenbank auf PostgreSQL kann sie verlangen).</translation>
    </message>
    <message>
        <source>Four-eyes approval: on. A change is applied only after someone other than its author approved it (`pending approve ID`).</source>
        <translation>Vier-Augen-Freigabe: on. Eine Änderung wird erst angewendet, nachdem jemand anderes als ihr Urheber sie freigegeben hat (`pending approve ID`).</translation>
    </message>
    <message>
        <source>Four-eyes approval: off.</source>
        <translation>Vier-Augen-Freigabe: off.</translation>
    </message>
    <message>
        <source>text or json; list also takes csv: one row per field of a change, in the columns of the Pending changes page&apos;s Export CSV.</source>
        <translation>text oder json; list akzeptiert auch csv: eine Zeile pro Feld einer Änderung, in den Spalten von „CSV exportieren“ auf der Seite „Ausstehende Änderungen“.</translation>
    </message>
    <message>
        <source>--format csv: only pending list writes CSV.</source>
        <translation>--format csv: Nur pending list gibt CSV aus.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Schreiben in die Standardausgabe nicht möglich.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Urheber</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>The phone number is empty.</source>
        <translation>Die Rufnummer ist leer.</translation>
    </message>
    <message>
        <source>The phone number “%1” contains letters; only digits are allowed.</source>
        <translation>Die Rufnummer “%1” enthält Buchstaben; erlaubt sind nur Ziffern.</translation>
    </message>
    <message>
        <source>The phone number “%1” contains “%2”, which is not allowed in a phone number.</source>
        <translation>Die Rufnummer “%1” enthält “%2”, das in einer Rufnummer nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>The phone number “%1” has no country code and no default region is set; write it with a leading + and the country code.</source>
        <translation>Die Rufnummer “%1” hat keine Ländervorwahl und es ist keine Standardregion festgelegt; schreiben Sie sie mit führendem + und Ländervorwahl.</translation>
    </message>
    <message>
        <source>The phone number “%1” has no country code and “%2” is not a known region.</source>
        <translation>Die Rufnummer “%1” hat keine Ländervorwahl und “%2” ist keine bekannte Region.</translation>
    </message>
    <message>
        <source>The phone number “%1” starts with an unknown country code.</source>
        <translation>Die Rufnummer “%1” beginnt mit einer unbekannten Ländervorwahl.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>“%1” ist keine Rufnummer.</translation>
    </message>
    <message>
        <source>The phone number “%1” is too short.</source>
        <translation>Die Rufnummer “%1” ist zu kurz.</translation>
    </message>
    <message>
        <source>The phone number “%1” is too long.</source>
        <translation>Die Rufnummer “%1” ist zu lang.</translation>
    </message>
    <message>
        <source>The phone number “%1” is too short for region %2.</source>
        <translation>Die Rufnummer “%1” ist für die Region %2 zu kurz.</translation>
    </message>
    <message>
        <source>The phone number “%1” is too long for region %2.</source>
        <translation>Die Rufnummer “%1” ist für die Region %2 zu lang.</translation>
    </message>
    <message>
        <source>The phone number “%1” is not a valid number for region %2.</source>
        <translation>Die Rufnummer “%1” ist keine gültige Rufnummer für die Region %2.</translation>
    </message>
</context>
<context>
    <name>PhoneNumberType</name>
    <message>
        <source>Fixed line</source>
        <translation>Festnetz</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobilfunk</translation>
    </message>
    <message>
        <source>Fixed line or mobile</source>
        <translation>Festnetz oder Mobilfunk</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Gebührenfrei</translation>
    </message>
    <message>
        <source>Premium rate</source>
        <translation>Mehrwertdienst</translation>
    </message>
    <message>
        <source>Shared cost</source>
        <translation>Geteilte Kosten</translation>
    </message>
    <message>
        <source>VoIP</source>
        <translation>VoIP</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Persönliche Rufnummer</translation>
    </message>
    <message>
        <source>Pager</source>
        <translation>Pager</translation>
    </message>
    <message>
        <source>Universal access number</source>
        <translation>Universelle Zugangsnummer</translation>
    </message>
    <message>
        <source>Voicemail access</source>
        <translation>Voicemail-Zugang</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>PortCommand</name>
    <message>
        <source>Only check and print the plan (needs no profile).</source>
        <translation>Nur prüfen und den Plan ausgeben (braucht kein Profil).</translation>
    </message>
    <message>
        <source>The route number (main line) in E.164.</source>
        <translation>Die Stammnummer (Hauptanschluss) in E.164.</translation>
    </message>
    <message>
        <source>The extension range, e.g. 0-99.</source>
        <translation>Der Durchwahlbereich, z. B. 0-99.</translation>
    </message>
    <message>
        <source>Activation ranges, e.g. 4-4,19-20.</source>
        <translation>Aktivierungsbereiche, z. B. 4-4,19-20.</translation>
    </message>
    <message>
        <source>A file of wanted full numbers, one per line.</source>
        <translation>Eine Datei mit gewünschten vollständigen Nummern, eine pro Zeile.</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text oder json.</translation>
    </message>
    <message>
        <source>port: --route and --range are required.</source>
        <translation>port: --route und --range sind erforderlich.</translation>
    </message>
    <message>
        <source>port: give either --activate or --activate-numbers.</source>
        <translation>port: entweder --activate oder --activate-numbers angeben.</translation>
    </message>
    <message>
        <source>--range: “%1” is not FROM-TO (digits).</source>
        <translation>--range: „%1“ ist nicht VON-BIS (Ziffern).</translation>
    </message>
    <message>
        <source>--activate: “%1” is not FROM-TO (digits).</source>
        <translation>--activate: „%1“ ist nicht VON-BIS (Ziffern).</translation>
    </message>
    <message>
        <source>--activate-numbers: cannot read %1: %2</source>
        <translation>--activate-numbers: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>route number %1, extension range %2-%3, activation ranges %4</source>
        <translation>Stammnummer %1, Durchwahlbereich %2-%3, Aktivierungsbereiche %4</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>%1 numbers port, %2 active, %3 inactive</source>
        <translation>%1 Nummern werden portiert, %2 aktiv, %3 inaktiv</translation>
    </message>
    <message>
        <source>Plans or places the port of a German main line with its extension block: checks the route number, the extension range and the activation ranges against the porting rules. --dry-run prints every number that will port with whether it will be active; --profile P places the order (the documents uploaded, a draft with the route number only, its details and the extension block) and --submit submits it. --activate-numbers takes a file with one wanted number per line (+49 201 23456 7804, 0049…, 0201…) and derives the fewest activation ranges.
port list|show|delete-extension|delete: see `port list --help`.</source>
        <translation>Plant oder erteilt die Portierung eines deutschen Hauptanschlusses mit seinem Durchwahlblock: prüft Stammnummer, Durchwahlbereich und Aktivierungsbereiche gegen die Portierungsregeln. --dry-run listet jede Nummer, die portiert wird, mit der Angabe, ob sie aktiv sein wird; --profile P erteilt den Auftrag (die Dokumente hochgeladen, ein Entwurf nur mit der Stammnummer, seine Angaben und der Durchwahlblock) und --submit sendet ihn ab. --activate-numbers nimmt eine Datei mit einer gewünschten Nummer pro Zeile (+49 201 23456 7804, 0049…, 0201…) und leitet daraus die wenigsten Aktivierungsbereiche ab.
port list|show|delete-extension|delete: siehe `port list --help`.</translation>
    </message>
    <message>
        <source>Place the order on this profile (name or id).</source>
        <translation>Den Auftrag für dieses Profil erteilen (Name oder ID).</translation>
    </message>
    <message>
        <source>The company that holds the numbers today.</source>
        <translation>Die Firma, der die Rufnummern heute gehören.</translation>
    </message>
    <message>
        <source>Who signs the letter of authorisation.</source>
        <translation>Wer die Portierungsvollmacht unterschreibt.</translation>
    </message>
    <message>
        <source>Street address where the numbers are in service.</source>
        <translation>Straße und Hausnummer, wo die Rufnummern geschaltet sind.</translation>
    </message>
    <message>
        <source>Its German postal code (five digits).</source>
        <translation>Deren deutsche Postleitzahl (fünf Ziffern).</translation>
    </message>
    <message>
        <source>Its town or city.</source>
        <translation>Deren Ort.</translation>
    </message>
    <message>
        <source>The requested porting date, a working day after today.</source>
        <translation>Das gewünschte Portierungsdatum, ein Werktag nach heute.</translation>
    </message>
    <message>
        <source>The letter of authorisation the end user signed (PDF, JPEG or PNG).</source>
        <translation>Die vom Endkunden unterschriebene Portierungsvollmacht (PDF, JPEG oder PNG).</translation>
    </message>
    <message>
        <source>Their latest invoice from the current carrier (PDF, JPEG or PNG).</source>
        <translation>Seine letzte Rechnung des bisherigen Anbieters (PDF, JPEG oder PNG).</translation>
    </message>
    <message>
        <source>Your own reference for the order (optional).</source>
        <translation>Ihre eigene Referenz für den Auftrag (optional).</translation>
    </message>
    <message>
        <source>Submit the order once it is placed.</source>
        <translation>Den Auftrag absenden, sobald er angelegt ist.</translation>
    </message>
    <message>
        <source>port: give either --dry-run (check the plan) or --profile P (place the order).</source>
        <translation>port: geben Sie entweder --dry-run (den Plan prüfen) oder --profile P (den Auftrag erteilen) an.</translation>
    </message>
    <message>
        <source>port: --submit places an order; it cannot go with --dry-run.</source>
        <translation>port: --submit erteilt einen Auftrag; es passt nicht zu --dry-run.</translation>
    </message>
    <message>
        <source>--date: “%1” is not a date (YYYY-MM-DD).</source>
        <translation>--date: „%1“ ist kein Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Profile %1 takes no port orders (%2 has none).</source>
        <translation>Profil %1 nimmt keine Portierungsaufträge an (%2 kennt keine).</translation>
    </message>
    <message>
        <source>The order was not created: %1</source>
        <translation>Der Auftrag wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Draft order %1 was created, but the rest did not go through: %2 Delete it with `trunkline-cli port delete %1`, or finish it on the Port orders page.</source>
        <translation>Der Auftragsentwurf %1 wurde angelegt, der Rest aber nicht: %2 Löschen Sie ihn mit `trunkline-cli port delete %1` oder stellen Sie ihn auf der Seite Portierungsaufträge fertig.</translation>
    </message>
    <message>
        <source>Draft order %1 created on %2 with the extension block attached.</source>
        <translation>Auftragsentwurf %1 für %2 angelegt, mit angehängtem Durchwahlblock.</translation>
    </message>
    <message>
        <source>Order %1 was not submitted: %2 It stays a draft; submit it on the Port orders page once the cause is fixed.</source>
        <translation>Der Auftrag %1 wurde nicht abgesendet: %2 Er bleibt ein Entwurf; senden Sie ihn auf der Seite Portierungsaufträge ab, sobald die Ursache behoben ist.</translation>
    </message>
    <message>
        <source>Order %1 submitted; its status is now %2.</source>
        <translation>Der Auftrag %1 wurde abgesendet; sein Status ist jetzt %2.</translation>
    </message>
    <message>
        <source>Its numbers and extension blocks arrive with the next `trunkline-cli sync --profile %1`.</source>
        <translation>Seine Rufnummern und Durchwahlblöcke kommen mit dem nächsten `trunkline-cli sync --profile %1`.</translation>
    </message>
    <message>
        <source>Warning: %1 is already on port order %2 (%3).</source>
        <translation>Warnung: %1 ist bereits im Portierungsauftrag %2 (%3).</translation>
    </message>
    <message>
        <source>Warning: %1 is already in the inventory of profile “%2”.</source>
        <translation>Warnung: %1 ist bereits im Bestand des Profils „%2“.</translation>
    </message>
</context>
<context>
    <name>PortOrderCsv</name>
    <message>
        <source>Could not write the file: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>PortOrdersCommand</name>
    <message>
        <source>Profile %1 takes no port orders.</source>
        <translation>Profil %1 nimmt keine Portierungsaufträge an.</translation>
    </message>
    <message>
        <source>The port orders in the database (run sync to refresh them):
  list                        each order: id, status, route number, extension blocks, active numbers
  show ID                     the order, its extension blocks and every number it ports
  delete-extension ID BLOCK   remove an extension block (its id, see show) at the provider; only while
                              the order is draft, in process or exception
  delete ID                   delete a draft order at the provider</source>
        <translation>Die Portierungsaufträge in der Datenbank (sync aktualisiert sie):
  list                        jeder Auftrag: ID, Status, Stammnummer, Durchwahlblöcke, aktive Rufnummern
  show ID                     der Auftrag, seine Durchwahlblöcke und jede Rufnummer, die er portiert
  delete-extension ID BLOCK   einen Durchwahlblock (seine ID, siehe show) beim Anbieter entfernen; nur solange
                              der Auftrag Entwurf, In Bearbeitung oder Ausnahme ist
  delete ID                   einen Auftragsentwurf beim Anbieter löschen</translation>
    </message>
    <message>
        <source>list, show, delete-extension or delete</source>
        <translation>list, show, delete-extension oder delete</translation>
    </message>
    <message>
        <source>Only this profile (name or id).</source>
        <translation>Nur dieses Profil (Name oder ID).</translation>
    </message>
    <message>
        <source>list: only orders with this status (e.g. draft, exception).</source>
        <translation>list: nur Aufträge mit diesem Status (z. B. draft, exception).</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text oder json.</translation>
    </message>
    <message>
        <source>port: use `port list`, `port show ID`, `port delete-extension ID BLOCK` or `port delete ID`.</source>
        <translation>port: verwenden Sie `port list`, `port show ID`, `port delete-extension ID BLOCK` oder `port delete ID`.</translation>
    </message>
    <message>
        <source>--status: “%1” is not a port order status.</source>
        <translation>--status: „%1“ ist kein Status eines Portierungsauftrags.</translation>
    </message>
    <message>
        <source>Order %1 (%2), profile %3</source>
        <translation>Auftrag %1 (%2), Profil %3</translation>
    </message>
    <message>
        <source>Route number: %1</source>
        <translation>Stammnummer: %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Requested porting date: %1</source>
        <translation>Gewünschtes Portierungsdatum: %1</translation>
    </message>
    <message>
        <source>No extension block (run sync if one was attached since).</source>
        <translation>Kein Durchwahlblock (führen Sie sync aus, falls seither einer angehängt wurde).</translation>
    </message>
    <message>
        <source>Extension block %1: %2-%3, %4 numbers, %5 active</source>
        <translation>Durchwahlblock %1: %2-%3, %4 Rufnummern, %5 aktiv</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Order %1 has no extension block %2 (see port show %1).</source>
        <translation>Der Auftrag %1 hat keinen Durchwahlblock %2 (siehe port show %1).</translation>
    </message>
    <message>
        <source>Extensions can be deleted only while the order is Draft, In process or Exception; order %1 is %2.</source>
        <translation>Durchwahlblöcke können nur gelöscht werden, solange der Auftrag den Status Entwurf, In Bearbeitung oder Ausnahme hat; der Auftrag %1 hat den Status %2.</translation>
    </message>
    <message>
        <source>The extension block %1 was not deleted: %2</source>
        <translation>Der Durchwahlblock %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Deleted extension block %1 from order %2.</source>
        <translation>Durchwahlblock %1 aus dem Auftrag %2 gelöscht.</translation>
    </message>
    <message>
        <source>Only a draft can be deleted (a submitted order is cancelled instead); order %1 is %2.</source>
        <translation>Nur ein Entwurf kann gelöscht werden (ein abgesendeter Auftrag wird stattdessen storniert); der Auftrag %1 hat den Status %2.</translation>
    </message>
    <message>
        <source>The draft %1 was not deleted: %2</source>
        <translation>Der Entwurf %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Deleted the draft order %1.</source>
        <translation>Auftragsentwurf %1 gelöscht.</translation>
    </message>
    <message>
        <source>There is no port order %1 in the database (see port list; run sync first?).</source>
        <translation>In der Datenbank gibt es keinen Portierungsauftrag %1 (siehe port list; zuerst sync ausführen?).</translation>
    </message>
</context>
<context>
    <name>PortingOrderStatus</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>FOC date confirmed</source>
        <translation>FOC-Datum bestätigt</translation>
    </message>
    <message>
        <source>Ported</source>
        <translation>Portiert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancel pending</source>
        <translation>Stornierung ausstehend</translation>
    </message>
</context>
<context>
    <name>PortingRepository</name>
    <message>
        <source>Cannot replace the activation ranges of %1</source>
        <translation>Die Aktivierungsbereiche von %1 können nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Cannot save activation range %1–%2 of %3</source>
        <translation>Der Aktivierungsbereich %1–%2 von %3 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read the activation ranges of %1</source>
        <translation>Die Aktivierungsbereiche von %1 können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>PortingRules</name>
    <message>
        <source>The route number is missing.</source>
        <translation>Die Stammnummer fehlt.</translation>
    </message>
    <message>
        <source>The route number “%1” must be written in E.164 form, e.g. +492012345678.</source>
        <translation>Die Stammnummer “%1” muss im E.164-Format angegeben werden, z. B. +492012345678.</translation>
    </message>
    <message>
        <source>The route number %1 is not German; extended numbers can only be ported for German (+49) numbers.</source>
        <translation>Die Stammnummer %1 ist keine deutsche Rufnummer; Durchwahlnummern können nur für deutsche Rufnummern (+49) portiert werden.</translation>
    </message>
    <message>
        <source>The route number %1 is not a valid German phone number.</source>
        <translation>Die Stammnummer %1 ist keine gültige deutsche Rufnummer.</translation>
    </message>
    <message>
        <source>Extension range start %1 is outside 0–999.</source>
        <translation>Der Beginn %1 des Durchwahlbereichs liegt außerhalb von 0–999.</translation>
    </message>
    <message>
        <source>Extension range end %1 is outside 0–999.</source>
        <translation>Das Ende %1 des Durchwahlbereichs liegt außerhalb von 0–999.</translation>
    </message>
    <message>
        <source>Extension range %1 starts after it ends.</source>
        <translation>Der Durchwahlbereich %1 beginnt nach seinem Ende.</translation>
    </message>
    <message>
        <source>At least one activation range is required; without one no extension would be active after the port.</source>
        <translation>Mindestens ein Aktivierungsbereich ist erforderlich; ohne ihn wäre nach der Portierung keine Durchwahl aktiv.</translation>
    </message>
    <message>
        <source>Activation range %1 starts after it ends.</source>
        <translation>Der Aktivierungsbereich %1 beginnt nach seinem Ende.</translation>
    </message>
    <message>
        <source>Activation range %1 is outside 0–999.</source>
        <translation>Der Aktivierungsbereich %1 liegt außerhalb von 0–999.</translation>
    </message>
    <message>
        <source>Activation range %1 is outside the extension range %2.</source>
        <translation>Der Aktivierungsbereich %1 liegt außerhalb des Durchwahlbereichs %2.</translation>
    </message>
    <message>
        <source>Activation range %1 overlaps activation range %2.</source>
        <translation>Der Aktivierungsbereich %1 überschneidet sich mit dem Aktivierungsbereich %2.</translation>
    </message>
    <message>
        <source>Extensions can only be changed while the porting order is Draft, In process or Exception; this order is %1.</source>
        <translation>Durchwahlblöcke können nur geändert werden, solange der Portierungsauftrag den Status Entwurf, In Bearbeitung oder Ausnahme hat; dieser Auftrag hat den Status %1.</translation>
    </message>
    <message>
        <source>Extended numbers of %1 with range %2 would have %3 digits; a phone number has at most 15.</source>
        <translation>Durchwahlnummern von %1 mit dem Bereich %2 hätten %3 Stellen; eine Rufnummer hat höchstens 15.</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Berlin office</source>
        <translation>z. B. Büro Berlin</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>A&amp;ccount SID:</source>
        <translation>&amp;Konto-SID:</translation>
    </message>
    <message>
        <source>AC…</source>
        <translation>AC…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
</context>
<context>
    <name>ProfileRepository</name>
    <message>
        <source>Profile name: must not be empty.</source>
        <translation>Profilname: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Cannot add the profile %1</source>
        <translation>Das Profil %1 kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot save the profile %1</source>
        <translation>Das Profil %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The profile %1 no longer exists.</source>
        <translation>Das Profil %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot remove the profile %1</source>
        <translation>Das Profil %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot read the profile %1</source>
        <translation>Das Profil %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the profiles</source>
        <translation>Die Profile können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ProfileSecrets</name>
    <message>
        <source>%1, account %2</source>
        <translation>%1, Konto %2</translation>
    </message>
    <message>
        <source>The profile has no UUID; open its database with this version of Trunkline so that it gets one.</source>
        <translation>Das Profil hat keine UUID; öffnen Sie seine Datenbank mit dieser Version von Trunkline, damit es eine erhält.</translation>
    </message>
    <message>
        <source>The stored secret is unreadable. Enter it again: trunkline-cli profiles set-secret “%1”.</source>
        <translation>Die gespeicherten Zugangsdaten sind nicht lesbar. Geben Sie sie erneut ein: trunkline-cli profiles set-secret “%1”.</translation>
    </message>
    <message>
        <source>The stored secret was entered for %1, but the profile now points to %2. Trunkline does not send it anywhere else: if the new address is right, an administrator must enter the secret again (trunkline-cli profiles set-secret “%3”).</source>
        <translation>Die gespeicherten Zugangsdaten wurden für %1 eingegeben, das Profil zeigt aber jetzt auf %2. Trunkline sendet sie nirgendwo anders hin: Ist die neue Adresse richtig, muss ein Administrator die Zugangsdaten erneut eingeben (trunkline-cli profiles set-secret “%3”).</translation>
    </message>
    <message>
        <source>%1 Enter it with: trunkline-cli profiles set-secret “%2”.</source>
        <translation>%1 Geben Sie sie ein mit: trunkline-cli profiles set-secret “%2”.</translation>
    </message>
    <message>
        <source>The profile has no UUID; it was not stored yet.</source>
        <translation>Das Profil hat keine UUID; es wurde noch nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>ProfileService</name>
    <message>
        <source>Name: must not be empty.</source>
        <translation>Name: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Provider: must be ringcentral, telnyx or restcomm, not “%1”.</source>
        <translation>Anbieter: muss ringcentral, telnyx oder restcomm sein, nicht “%1”.</translation>
    </message>
    <message>
        <source>Base URL: %1</source>
        <translation>Basis-URL: %1</translation>
    </message>
    <message>
        <source>Account: the Restcomm Account SID must not be empty.</source>
        <translation>Konto: Die Restcomm-Account-SID darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation>Das Profil existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The secret was entered for %1. To use %2, enter the secret again: Trunkline does not send a secret to another address, account or provider.</source>
        <translation>Die Zugangsdaten wurden für %1 eingegeben. Um %2 zu verwenden, geben Sie sie erneut ein: Trunkline sendet Zugangsdaten nie an eine andere Adresse, ein anderes Konto oder einen anderen Anbieter.</translation>
    </message>
</context>
<context>
    <name>ProfilesCommand</name>
    <message>
        <source>Output format: text or json.</source>
        <translation>Ausgabeformat: text oder json.</translation>
    </message>
    <message>
        <source>Adds a provider profile. The secret is read from standard input (or asked for without echo on a terminal): RingCentral wants three lines (client id, client secret, JWT credential), Telnyx the API key, Restcomm the auth token. --demo adds a profile served by the built-in emulator, which needs no secret.</source>
        <translation>Fügt ein Anbieterprofil hinzu. Die Zugangsdaten werden von der Standardeingabe gelesen (oder an einem Terminal ohne Echo abgefragt): RingCentral erwartet drei Zeilen (Client-ID, Client-Secret, JWT-Anmeldedaten), Telnyx den API-Schlüssel, Restcomm das Auth-Token. --demo fügt ein Profil hinzu, das der eingebaute Emulator bedient und das keine Zugangsdaten benötigt.</translation>
    </message>
    <message>
        <source>Profile name.</source>
        <translation>Profilname.</translation>
    </message>
    <message>
        <source>ringcentral, telnyx or restcomm.</source>
        <translation>ringcentral, telnyx oder restcomm.</translation>
    </message>
    <message>
        <source>The provider&apos;s API address (https, or http on 127.0.0.1).</source>
        <translation>Die API-Adresse des Anbieters (https, oder http auf 127.0.0.1).</translation>
    </message>
    <message>
        <source>Account id (Restcomm Account SID).</source>
        <translation>Konto-ID (Restcomm Account SID).</translation>
    </message>
    <message>
        <source>Use the built-in emulator instead of a real provider.</source>
        <translation>Den eingebauten Emulator statt eines echten Anbieters verwenden.</translation>
    </message>
    <message>
        <source>profiles add: the secret is never taken from the command line; pipe it to standard input.</source>
        <translation>profiles add: Zugangsdaten werden nie von der Befehlszeile übernommen; leiten Sie sie an die Standardeingabe weiter.</translation>
    </message>
    <message>
        <source>Client id: </source>
        <translation>Client-ID: </translation>
    </message>
    <message>
        <source>Client secret: </source>
        <translation>Client-Secret: </translation>
    </message>
    <message>
        <source>JWT credential: </source>
        <translation>JWT-Anmeldedaten: </translation>
    </message>
    <message>
        <source>API key: </source>
        <translation>API-Schlüssel: </translation>
    </message>
    <message>
        <source>Auth token: </source>
        <translation>Auth-Token: </translation>
    </message>
    <message>
        <source>Profile name or id.</source>
        <translation>Profilname oder ID.</translation>
    </message>
    <message>
        <source>profiles remove: name exactly one profile.</source>
        <translation>profiles remove: Geben Sie genau ein Profil an.</translation>
    </message>
    <message>
        <source>profiles: expected list, add, set-secret or remove, not “%1”.</source>
        <translation>profiles: list, add, set-secret oder remove erwartet, nicht “%1”.</translation>
    </message>
    <message>
        <source>Stores a new secret for a profile, bound to its current base URL and account: needed after the profile&apos;s address was changed, since Trunkline never sends a secret to another host. The secret is read from standard input (or asked for without echo on a terminal), as for add.</source>
        <translation>Speichert neue Zugangsdaten für ein Profil, gebunden an seine aktuelle Basis-URL und sein Konto: nötig, nachdem die Adresse des Profils geändert wurde, denn Trunkline sendet Zugangsdaten nie an einen anderen Host. Die Zugangsdaten werden wie bei add von der Standardeingabe gelesen (oder in einem Terminal ohne Echo abgefragt).</translation>
    </message>
    <message>
        <source>profiles set-secret: name exactly one profile; the secret is never taken from the command line.</source>
        <translation>profiles set-secret: nennen Sie genau ein Profil; Zugangsdaten werden nie von der Befehlszeile übernommen.</translation>
    </message>
    <message>
        <source>profiles set-secret: the demo profile %1 needs no secret.</source>
        <translation>profiles set-secret: das Demoprofil %1 braucht keine Zugangsdaten.</translation>
    </message>
    <message>
        <source>Profile %1: unknown provider “%2”.</source>
        <translation>Profil %1: unbekannter Anbieter “%2”.</translation>
    </message>
    <message>
        <source>Usage: trunkline-cli profiles ACTION [options]
Provider profiles: the accounts Trunkline works on. Secrets go to the keychain and are
read from standard input, never from arguments.

  list        the profiles (--format text|json)
  add         a profile: --name, --provider, --base-url, --account (or --demo)
  set-secret  replace the secret of profile NAME_OR_ID
  remove      profile NAME_OR_ID with its local data and its keychain entry

trunkline-cli profiles ACTION --help tells the options of each.</source>
        <translation>Aufruf: trunkline-cli profiles AKTION [Optionen]
Anbieterprofile: die Konten, mit denen Trunkline arbeitet. Geheimnisse kommen in den Schlüsselbund
und werden von der Standardeingabe gelesen, nie aus Argumenten.

  list        die Profile (--format text|json)
  add         ein Profil: --name, --provider, --base-url, --account (oder --demo)
  set-secret  das Geheimnis des Profils NAME_ODER_ID ersetzen
  remove      Profil NAME_ODER_ID mit seinen lokalen Daten und seinem Schlüsselbundeintrag entfernen

trunkline-cli profiles AKTION --help nennt die Optionen jeder Aktion.</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>The provider accounts Trunkline works on. Their secrets are kept in the system keychain, never in the database.</source>
        <translation>Die Anbieterkonten, mit denen Trunkline arbeitet. Ihre Zugangsdaten werden im Schlüsselbund des Systems aufbewahrt, niemals in der Datenbank.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
</context>
<context>
    <name>ProgressPrinter</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
</context>
<context>
    <name>ProviderSecret</name>
    <message>
        <source>API key: must not be empty.</source>
        <translation>API-Schlüssel: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Auth token: must not be empty.</source>
        <translation>Auth-Token: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Client ID: must not be empty.</source>
        <translation>Client-ID: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Client secret: must not be empty.</source>
        <translation>Client-Secret: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>JWT credential: must not be empty.</source>
        <translation>JWT-Anmeldedaten: dürfen nicht leer sein.</translation>
    </message>
</context>
<context>
    <name>RcErrors</name>
    <message>
        <source>Parameter [%1] value is invalid.</source>
        <translation>Der Wert des Parameters [%1] ist ungültig.</translation>
    </message>
    <message>
        <source>Resource for parameter [%1] is not found.</source>
        <translation>Die Ressource für den Parameter [%1] wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Request body cannot be parsed as JSON: %1</source>
        <translation>Der Anfragetext kann nicht als JSON gelesen werden: %1</translation>
    </message>
    <message>
        <source>Resource not found: %1</source>
        <translation>Ressource nicht gefunden: %1</translation>
    </message>
    <message>
        <source>In order to call this API endpoint, user needs to have [%1] permission for requested resource.</source>
        <translation>Für diesen API-Endpunkt benötigt der Benutzer die Berechtigung [%1] für die angeforderte Ressource.</translation>
    </message>
    <message>
        <source>Access to another extension&apos;s data requires administrator permission.</source>
        <translation>Der Zugriff auf Daten einer anderen Nebenstelle erfordert Administratorrechte.</translation>
    </message>
    <message>
        <source>Administrator permission is required for this change.</source>
        <translation>Für diese Änderung sind Administratorrechte erforderlich.</translation>
    </message>
    <message>
        <source>In order to call this API endpoint, application needs to have [%1] permission.</source>
        <translation>Um diesen API-Endpunkt aufzurufen, benötigt die Anwendung die Berechtigung [%1].</translation>
    </message>
</context>
<context>
    <name>RecordEdits</name>
    <message>
        <source>--set “%1”: write FIELD=VALUE (an empty VALUE clears the field).</source>
        <translation>--set „%1“: FELD=WERT schreiben (ein leerer WERT leert das Feld).</translation>
    </message>
    <message>
        <source>no such field; the fields that can be set are %1.</source>
        <translation>dieses Feld gibt es nicht; setzen lassen sich %1.</translation>
    </message>
    <message>
        <source>set by the provider; it cannot be changed here.</source>
        <translation>wird vom Anbieter gesetzt und lässt sich hier nicht ändern.</translation>
    </message>
    <message>
        <source>“%1” is not a status; use one of %2.</source>
        <translation>„%1“ ist kein Status; verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>“%1” is not a type; use one of %2.</source>
        <translation>„%1“ ist kein Typ; verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>“%1” is not a feature; use CallForwarding and/or CallFlip, separated by commas.</source>
        <translation>„%1“ ist keine Funktion; verwenden Sie CallForwarding und/oder CallFlip, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>“%1” is not a digit; use 1 to 10, or 0 to leave the call flip list.</source>
        <translation>„%1“ ist keine Ziffer; verwenden Sie 1 bis 10, oder 0, um die Call-Flip-Liste zu verlassen.</translation>
    </message>
    <message>
        <source>derived from firstName and lastName, as RingCentral does; set those instead.</source>
        <translation>wird wie bei RingCentral aus firstName und lastName gebildet; setzen Sie stattdessen diese.</translation>
    </message>
</context>
<context>
    <name>RecordFilter</name>
    <message>
        <source>--filter: “%1” is not column=pattern or column!=pattern.</source>
        <translation>--filter: “%1” hat nicht die Form Spalte=Muster oder Spalte!=Muster.</translation>
    </message>
    <message>
        <source>--filter: unknown column “%1”; the columns are %2.</source>
        <translation>--filter: unbekannte Spalte “%1”; die Spalten sind %2.</translation>
    </message>
</context>
<context>
    <name>ReleaseConsequences</name>
    <message>
        <source>Extension %1 loses %2, its direct number.</source>
        <translation>Nebenstelle %1 verliert %2, ihre Durchwahlnummer.</translation>
    </message>
    <message>
        <source>Extension %1 still forwards calls to %2; remove it from that forwarding list.</source>
        <translation>Nebenstelle %1 leitet Anrufe noch an %2 weiter; entfernen Sie die Nummer aus dieser Weiterleitungsliste.</translation>
    </message>
    <message>
        <source>Calls to %1 no longer reach %2.</source>
        <translation>Anrufe an %1 erreichen %2 nicht mehr.</translation>
    </message>
    <message>
        <source>Texts to %1 no longer reach %2.</source>
        <translation>Nachrichten an %1 erreichen %2 nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>extensions</source>
        <translation>Nebenstellen</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>porting orders</source>
        <translation>Portierungsaufträge</translation>
    </message>
    <message>
        <source>porting phone numbers</source>
        <translation>Portierungsrufnummern</translation>
    </message>
    <message>
        <source>phone number extensions</source>
        <translation>Durchwahlblöcke</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation>%1 können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save %1 %2</source>
        <translation>%1: Datensatz %2 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot remove %1 %2</source>
        <translation>%1: Datensatz %2 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot read %1 %2</source>
        <translation>%1: Datensatz %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Cannot read the rows to export</source>
        <translation>Die zu exportierenden Zeilen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save the features of number %1</source>
        <translation>Die Funktionen der Rufnummer %1 können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read the features of number %1</source>
        <translation>Die Funktionen der Rufnummer %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save the endpoint type of extension %1</source>
        <translation>Der Endgerätetyp der Nebenstelle %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read extension %1</source>
        <translation>Nebenstelle %1 kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>RestcommMapper</name>
    <message>
        <source>Incoming number %1: the required fields “sid” and “phone_number” must both be present.</source>
        <translation>Eingehende Rufnummer %1: Die Pflichtfelder “sid” und “phone_number” müssen beide vorhanden sein.</translation>
    </message>
    <message>
        <source>Available number: the required field “phoneNumber” is missing.</source>
        <translation>Verfügbare Rufnummer: Das Pflichtfeld “phoneNumber” fehlt.</translation>
    </message>
</context>
<context>
    <name>RestcommService</name>
    <message>
        <source>Provided Account is not active</source>
        <translation>Das angegebene Konto ist nicht aktiv</translation>
    </message>
    <message>
        <source>Unsupported Media Type: send the parameters as application/x-www-form-urlencoded, not %1.</source>
        <translation>Nicht unterstützter Medientyp: Senden Sie die Parameter als application/x-www-form-urlencoded, nicht als %1.</translation>
    </message>
    <message>
        <source>Malformed form data: %1 in parameter name &quot;%2&quot;.</source>
        <translation>Fehlerhafte Formulardaten: %1 im Parameternamen &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Malformed form data: %1 in the value of parameter &quot;%2&quot;.</source>
        <translation>Fehlerhafte Formulardaten: %1 im Wert des Parameters &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Phone number can not be null.</source>
        <translation>Die Rufnummer darf nicht null sein.</translation>
    </message>
    <message>
        <source>Account not found</source>
        <translation>Konto nicht gefunden</translation>
    </message>
    <message>
        <source>Super Admin account numbers can not be migrated. Please provide a valid account sid</source>
        <translation>Rufnummern des Super-Admin-Kontos können nicht migriert werden. Bitte geben Sie eine gültige Account SID an</translation>
    </message>
    <message>
        <source>OrganizationSid cannot be null</source>
        <translation>OrganizationSid darf nicht null sein</translation>
    </message>
    <message>
        <source>OrganizationSid is not valid</source>
        <translation>OrganizationSid ist ungültig</translation>
    </message>
    <message>
        <source>Destination organization not found</source>
        <translation>Zielorganisation nicht gefunden</translation>
    </message>
</context>
<context>
    <name>RingCentralAuthenticator</name>
    <message>
        <source>the sign-in</source>
        <translation>die Anmeldung</translation>
    </message>
</context>
<context>
    <name>RingCentralMapper</name>
    <message>
        <source>%1: field “%2” has the value “%3”, which RingCentral does not document.</source>
        <translation>%1: Das Feld “%2” hat den Wert “%3”, den RingCentral nicht dokumentiert.</translation>
    </message>
    <message>
        <source>%1: the required field “id” is missing.</source>
        <translation>%1: Das Pflichtfeld “id” fehlt.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Extension %1</source>
        <translation>Nebenstelle %1</translation>
    </message>
    <message>
        <source>Phone number %1</source>
        <translation>Rufnummer %1</translation>
    </message>
    <message>
        <source>%1: the required field “phoneNumber” is missing.</source>
        <translation>%1: Das Pflichtfeld “phoneNumber” fehlt.</translation>
    </message>
    <message>
        <source>Forwarding number %1</source>
        <translation>Weiterleitungsnummer %1</translation>
    </message>
    <message>
        <source>%1: field “flipNumber” has the value “%2”, which is not a number.</source>
        <translation>%1: Das Feld “flipNumber” hat den Wert “%2”, der keine Zahl ist.</translation>
    </message>
    <message>
        <source>Time zone %1</source>
        <translation>Zeitzone %1</translation>
    </message>
    <message>
        <source>Time zone %1 has no name.</source>
        <translation>Zeitzone %1 hat keinen Namen.</translation>
    </message>
</context>
<context>
    <name>RingCentralService</name>
    <message>
        <source>Expected %1, got %2.</source>
        <translation>Erwartet: %1, erhalten: %2.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>At most %1 characters are allowed, got %2.</source>
        <translation>Erlaubt sind höchstens %1 Zeichen, erhalten: %2.</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>Expected an integer, got %1.</source>
        <translation>Erwartet: eine Ganzzahl, erhalten: %1.</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2.</source>
        <translation>&quot;%1&quot; ist keiner der Werte: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number in E.164 format (+ and country code).</source>
        <translation>&quot;%1&quot; ist keine gültige Rufnummer im E.164-Format (+ und Ländervorwahl).</translation>
    </message>
    <message>
        <source>The request body is empty; a JSON object is expected.</source>
        <translation>Der Anfragetext ist leer; erwartet wird ein JSON-Objekt.</translation>
    </message>
    <message>
        <source>%1 at offset %2.</source>
        <translation>%1 an Position %2.</translation>
    </message>
    <message>
        <source>The top level must be a JSON object.</source>
        <translation>Die oberste Ebene muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>Request rate exceeded</source>
        <translation>Anfragerate überschritten</translation>
    </message>
    <message>
        <source>Service Temporarily Unavailable</source>
        <translation>Dienst vorübergehend nicht verfügbar</translation>
    </message>
    <message>
        <source>Internal Server Error</source>
        <translation>Interner Serverfehler</translation>
    </message>
    <message>
        <source>Client authentication is required: send Authorization: Basic base64(client_id:client_secret).</source>
        <translation>Client-Authentifizierung erforderlich: Senden Sie Authorization: Basic base64(client_id:client_secret).</translation>
    </message>
    <message>
        <source>Invalid Authorization header value: the Basic scheme is required.</source>
        <translation>Ungültiger Wert im Authorization-Header: Das Schema Basic ist erforderlich.</translation>
    </message>
    <message>
        <source>Invalid Authorization header value: expected client_id:client_secret.</source>
        <translation>Ungültiger Wert im Authorization-Header: client_id:client_secret erwartet.</translation>
    </message>
    <message>
        <source>Invalid client credentials.</source>
        <translation>Ungültige Client-Zugangsdaten.</translation>
    </message>
    <message>
        <source>Unsupported Content-Type: the token request must be application/x-www-form-urlencoded.</source>
        <translation>Nicht unterstützter Content-Type: Die Token-Anfrage muss application/x-www-form-urlencoded sein.</translation>
    </message>
    <message>
        <source>Duplicated request parameter [%1].</source>
        <translation>Doppelter Anfrageparameter [%1].</translation>
    </message>
    <message>
        <source>Parameter [access_token_ttl] must be a positive integer.</source>
        <translation>Der Parameter [access_token_ttl] muss eine positive Ganzzahl sein.</translation>
    </message>
    <message>
        <source>Parameter [refresh_token_ttl] must be a positive integer.</source>
        <translation>Der Parameter [refresh_token_ttl] muss eine positive Ganzzahl sein.</translation>
    </message>
    <message>
        <source>Parameter [assertion] is required for the JWT grant.</source>
        <translation>Der Parameter [assertion] ist für den JWT-Grant erforderlich.</translation>
    </message>
    <message>
        <source>Invalid resource owner credentials: the JWT assertion is not valid for this account.</source>
        <translation>Ungültige Zugangsdaten des Ressourceninhabers: Die JWT-Assertion ist für dieses Konto ungültig.</translation>
    </message>
    <message>
        <source>Parameter [refresh_token] is required for the refresh grant.</source>
        <translation>Der Parameter [refresh_token] ist für den Refresh-Grant erforderlich.</translation>
    </message>
    <message>
        <source>Refresh token has expired.</source>
        <translation>Das Refresh-Token ist abgelaufen.</translation>
    </message>
    <message>
        <source>Token not found: the refresh token is unknown or was already used (refresh tokens are single-use).</source>
        <translation>Token nicht gefunden: Das Refresh-Token ist unbekannt oder wurde bereits verwendet (Refresh-Tokens sind nur einmal gültig).</translation>
    </message>
    <message>
        <source>Parameter [grant_type] is required.</source>
        <translation>Der Parameter [grant_type] ist erforderlich.</translation>
    </message>
    <message>
        <source>Grant type [%1] is not allowed for this application; use the JWT grant.</source>
        <translation>Der Grant-Typ [%1] ist für diese Anwendung nicht erlaubt; verwenden Sie den JWT-Grant.</translation>
    </message>
    <message>
        <source>Unsupported grant type [%1].</source>
        <translation>Nicht unterstützter Grant-Typ [%1].</translation>
    </message>
    <message>
        <source>Parameter [token] is required.</source>
        <translation>Der Parameter [token] ist erforderlich.</translation>
    </message>
    <message>
        <source>Authorization header is not specified</source>
        <translation>Authorization-Header ist nicht angegeben</translation>
    </message>
    <message>
        <source>Access token expired</source>
        <translation>Access-Token abgelaufen</translation>
    </message>
    <message>
        <source>Invalid token</source>
        <translation>Ungültiges Token</translation>
    </message>
    <message>
        <source>Expected a numeric id or ~.</source>
        <translation>Erwartet: eine numerische ID oder ~.</translation>
    </message>
    <message>
        <source>Expected an integer of 1 or more.</source>
        <translation>Erwartet: eine Ganzzahl ab 1.</translation>
    </message>
    <message>
        <source>Expected an integer of 1 or more, or &quot;max&quot;.</source>
        <translation>Erwartet: eine Ganzzahl ab 1 oder &quot;max&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>&quot;%1&quot; ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The id is required.</source>
        <translation>Die ID ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown id &quot;%1&quot;.</source>
        <translation>Unbekannte ID &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The contact with firstName and email is required.</source>
        <translation>Der Kontakt mit firstName und email ist erforderlich.</translation>
    </message>
    <message>
        <source>The first name is required.</source>
        <translation>Der Vorname ist erforderlich.</translation>
    </message>
    <message>
        <source>The e-mail address is required.</source>
        <translation>Die E-Mail-Adresse ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 1 to 8 digits.</source>
        <translation>&quot;%1&quot; muss aus 1 bis 8 Ziffern bestehen.</translation>
    </message>
    <message>
        <source>Extension number %1 is already used by another extension.</source>
        <translation>Die Nebenstellennummer %1 wird bereits von einer anderen Nebenstelle verwendet.</translation>
    </message>
    <message>
        <source>The first name cannot be empty.</source>
        <translation>Der Vorname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The e-mail address cannot be empty.</source>
        <translation>Die E-Mail-Adresse darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Status Unassigned cannot be set; delete the extension number instead.</source>
        <translation>Der Status Unassigned kann nicht gesetzt werden; löschen Sie stattdessen die Nebenstellennummer.</translation>
    </message>
    <message>
        <source>Extension number %1 is already used by extension %2.</source>
        <translation>Die Nebenstellennummer %1 wird bereits von Nebenstelle %2 verwendet.</translation>
    </message>
    <message>
        <source>An enabled extension needs an extension number.</source>
        <translation>Eine aktivierte Nebenstelle benötigt eine Nebenstellennummer.</translation>
    </message>
    <message>
        <source>The system extension of the account cannot be deleted.</source>
        <translation>Die Systemnebenstelle des Kontos kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Expected true or false.</source>
        <translation>Erwartet: true oder false.</translation>
    </message>
    <message>
        <source>%1 is a %2 of this account; forwarding numbers must be outside the account.</source>
        <translation>%1 ist eine Rufnummer dieses Kontos (%2); Weiterleitungsnummern müssen außerhalb des Kontos liegen.</translation>
    </message>
    <message>
        <source>%1 is already forwarding number %2 of this extension.</source>
        <translation>%1 ist bereits die Weiterleitungsnummer %2 dieser Nebenstelle.</translation>
    </message>
    <message>
        <source>The flip number must be from 1 to %1, got %2.</source>
        <translation>Die Flip-Nummer muss zwischen 1 und %1 liegen, erhalten: %2.</translation>
    </message>
    <message>
        <source>Flip number %1 is already used by %2.</source>
        <translation>Die Flip-Nummer %1 wird bereits von %2 verwendet.</translation>
    </message>
    <message>
        <source>A device and a phone number cannot be combined.</source>
        <translation>Ein Gerät und eine Rufnummer können nicht kombiniert werden.</translation>
    </message>
    <message>
        <source>The phone number is required.</source>
        <translation>Die Rufnummer ist erforderlich.</translation>
    </message>
    <message>
        <source>An extension can have at most %1 forwarding numbers; delete one first.</source>
        <translation>Eine Nebenstelle kann höchstens %1 Weiterleitungsnummern haben; löschen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot; ist keine Zahl.</translation>
    </message>
    <message>
        <source>A forwarding number cannot become a PhoneLine.</source>
        <translation>Eine Weiterleitungsnummer kann nicht zum Typ PhoneLine werden.</translation>
    </message>
    <message>
        <source>The list of records to delete is required.</source>
        <translation>Die Liste der zu löschenden Datensätze ist erforderlich.</translation>
    </message>
    <message>
        <source>Every record needs a forwardingNumberId.</source>
        <translation>Jeder Datensatz benötigt eine forwardingNumberId.</translation>
    </message>
    <message>
        <source>Every entry needs a feature.</source>
        <translation>Jeder Eintrag benötigt eine Funktion (feature).</translation>
    </message>
    <message>
        <source>Every entry needs a callerId.</source>
        <translation>Jeder Eintrag benötigt eine callerId.</translation>
    </message>
    <message>
        <source>The phone number id is required for type PhoneNumber.</source>
        <translation>Für den Typ PhoneNumber ist die Rufnummern-ID erforderlich.</translation>
    </message>
    <message>
        <source>Phone number %1 is not a number this extension may show as caller ID.</source>
        <translation>Die Rufnummer %1 darf von dieser Nebenstelle nicht als Anrufer-ID angezeigt werden.</translation>
    </message>
    <message>
        <source>At most 10 phone numbers are allowed, got %1.</source>
        <translation>Erlaubt sind höchstens 10 Rufnummern, erhalten: %1.</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number in E.164 format.</source>
        <translation>&quot;%1&quot; ist keine gültige Rufnummer im E.164-Format.</translation>
    </message>
    <message>
        <source>The e-mail addresses cannot be empty when includeManagers is false.</source>
        <translation>Die E-Mail-Adressen dürfen nicht leer sein, wenn includeManagers false ist.</translation>
    </message>
    <message>
        <source>The schedule is required (an empty one means 24/7).</source>
        <translation>Der Zeitplan ist erforderlich (ein leerer bedeutet 24/7).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of the week (monday ... sunday).</source>
        <translation>&quot;%1&quot; ist kein Wochentag (monday ... sunday).</translation>
    </message>
    <message>
        <source>Times must be hh:mm, got &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>Zeiten müssen im Format hh:mm angegeben werden, erhalten: &quot;%1&quot; bis &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The range %1-%2 ends before it starts.</source>
        <translation>Der Bereich %1-%2 endet vor seinem Beginn.</translation>
    </message>
    <message>
        <source>The default rules cannot have caller or called-number conditions; create a custom rule instead.</source>
        <translation>Die Standardregeln können keine Bedingungen für Anrufer oder angerufene Rufnummer haben; erstellen Sie stattdessen eine eigene Regel.</translation>
    </message>
    <message>
        <source>The schedule of a default rule follows the business hours; change them with the business-hours endpoint.</source>
        <translation>Der Zeitplan einer Standardregel folgt den Geschäftszeiten; ändern Sie diese über den Endpunkt business-hours.</translation>
    </message>
    <message>
        <source>The usage type is required.</source>
        <translation>Der Verwendungstyp ist erforderlich.</translation>
    </message>
    <message>
        <source>A number of usage type %1 cannot be assigned.</source>
        <translation>Eine Rufnummer des Verwendungstyps %1 kann nicht zugewiesen werden.</translation>
    </message>
    <message>
        <source>A direct number needs the extension it is assigned to.</source>
        <translation>Eine Durchwahlnummer braucht die Nebenstelle, der sie zugewiesen wird.</translation>
    </message>
    <message>
        <source>Only a direct number is assigned to an extension; %1 is the company&apos;s.</source>
        <translation>Nur eine Durchwahlnummer wird einer Nebenstelle zugewiesen; %1 gehört der Firma.</translation>
    </message>
    <message>
        <source>Phone number %1 lacks the CallerId feature and cannot be shown as caller ID.</source>
        <translation>Die Rufnummer %1 hat nicht die Funktion CallerId und kann nicht als Anrufer-ID angezeigt werden.</translation>
    </message>
    <message>
        <source>A custom rule needs a condition: a schedule, callers or called numbers.</source>
        <translation>Eine benutzerdefinierte Regel benötigt eine Bedingung: einen Zeitplan, Anrufer oder angerufene Rufnummern.</translation>
    </message>
    <message>
        <source>A custom rule needs a name.</source>
        <translation>Eine eigene Regel benötigt einen Namen.</translation>
    </message>
    <message>
        <source>The default rules cannot be deleted; only custom rules can.</source>
        <translation>Die Standardregeln können nicht gelöscht werden, nur benutzerdefinierte Regeln.</translation>
    </message>
</context>
<context>
    <name>RouteCommand</name>
    <message>
        <source>--entries: cannot read %1: %2</source>
        <translation>--entries: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--entries: %1 holds no number or pattern.</source>
        <translation>--entries: %1 enthält keine Nummer und kein Muster.</translation>
    </message>
    <message>
        <source>--profile: route needs one Restcomm profile.</source>
        <translation>--profile: route braucht genau ein Restcomm-Profil.</translation>
    </message>
    <message>
        <source>the database could not be opened</source>
        <translation>die Datenbank konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>--profile: %1 has no numbers; sync it first.</source>
        <translation>--profile: %1 hat keine Nummern; zuerst synchronisieren.</translation>
    </message>
    <message>
        <source>Shows which Restcomm number or regex route a dialed number reaches, and why; with --lint, what is wrong with the routes. Give the routes of a profile (from its last sync) or a file with one stored number or pattern per line, tested as pure SIP numbers of one organisation.</source>
        <translation>Zeigt, welche Restcomm-Nummer oder Regex-Route eine gewählte Nummer erreicht, und warum; mit --lint, was an den Routen falsch ist. Angegeben werden die Routen eines Profils (aus der letzten Synchronisierung) oder eine Datei mit einer gespeicherten Nummer oder einem Muster pro Zeile, geprüft als reine SIP-Nummern einer Organisation.</translation>
    </message>
    <message>
        <source>A Restcomm profile (name or id).</source>
        <translation>Ein Restcomm-Profil (Name oder ID).</translation>
    </message>
    <message>
        <source>A file of stored numbers and patterns, one per line.</source>
        <translation>Eine Datei mit gespeicherten Nummern und Mustern, eine pro Zeile.</translation>
    </message>
    <message>
        <source>Print the linter&apos;s findings instead; exit 3 on an error-level one.</source>
        <translation>Stattdessen die Befunde der Prüfung ausgeben; Exit-Code 3 bei einem Fehler.</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text oder json.</translation>
    </message>
    <message>
        <source>Dialed numbers (after --).</source>
        <translation>Gewählte Nummern (nach --).</translation>
    </message>
    <message>
        <source>route: give either --profile or --entries.</source>
        <translation>route: entweder --profile oder --entries angeben.</translation>
    </message>
    <message>
        <source>route: give the dialed numbers after --, or --lint.</source>
        <translation>route: die gewählten Nummern nach -- angeben, oder --lint.</translation>
    </message>
    <message>
        <source>no number or route</source>
        <translation>keine Nummer und keine Route</translation>
    </message>
    <message>
        <source>pattern error: %1</source>
        <translation>Fehler im Muster: %1</translation>
    </message>
</context>
<context>
    <name>RouteExplanation</name>
    <message>
        <source>not a valid pattern; Restcomm stops trying patterns here: %1</source>
        <translation>kein gültiges Muster; Restcomm prüft ab hier keine Muster mehr: %1</translation>
    </message>
    <message>
        <source>no number or pattern matched; the “*” row takes the call</source>
        <translation>keine Nummer und kein Muster passt; die Zeile „*“ nimmt den Anruf an</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>passt nicht</translation>
    </message>
    <message>
        <source>matches %1; the longest pattern that matches wins</source>
        <translation>passt auf %1; das längste passende Muster gewinnt</translation>
    </message>
    <message>
        <source>matches %1, but a longer pattern was tried first</source>
        <translation>passt auf %1, aber ein längeres Muster wurde zuerst geprüft</translation>
    </message>
    <message>
        <source>equals %1; an exact number wins before any pattern</source>
        <translation>gleich %1; eine exakte Nummer gewinnt vor jedem Muster</translation>
    </message>
</context>
<context>
    <name>RouteLinter</name>
    <message>
        <source>%1 is listed twice in this organisation; the first row takes every call, this one is never reached.</source>
        <translation>%1 steht zweimal in dieser Organisation; die erste Zeile nimmt jeden Anruf an, diese wird nie erreicht.</translation>
    </message>
    <message>
        <source>%1 and %2 are the same number written two ways; which one a call reaches depends on how the caller dials. Keep one.</source>
        <translation>%1 und %2 sind dieselbe Nummer in zwei Schreibweisen; welche ein Anruf erreicht, hängt davon ab, wie der Anrufer wählt. Behalten Sie eine.</translation>
    </message>
    <message>
        <source>%1 is not a SIP number, so Restcomm matches it only exactly: only SIP numbers can be regex routes.</source>
        <translation>%1 ist keine SIP-Nummer, deshalb vergleicht Restcomm sie nur exakt: nur SIP-Nummern können Regex-Routen sein.</translation>
    </message>
    <message>
        <source>%1 looks like a pattern but is matched only exactly: %2 does not make an entry a regex (only * # ^ | . $ \ [ ] do), so only a caller dialing %1 literally reaches it.</source>
        <translation>%1 sieht wie ein Muster aus, wird aber nur exakt verglichen: %2 macht einen Eintrag nicht zur Regex (nur * # ^ | . $ \ [ ] tun das), also erreicht ihn nur, wer wörtlich %1 wählt.</translation>
    </message>
    <message>
        <source>%1 starts with “+”, which Restcomm rewrites to “/+”, so it never matches a dialed number. Write it as %2.</source>
        <translation>%1 beginnt mit „+“, das Restcomm zu „/+“ umschreibt; so passt es nie auf eine gewählte Nummer. Schreiben Sie es als %2.</translation>
    </message>
    <message>
        <source>%1 is not a valid pattern at position %2: %3</source>
        <translation>%1 ist an Position %2 kein gültiges Muster: %3</translation>
    </message>
    <message>
        <source>Restcomm stops at this pattern, so these shorter ones are never tried: %1.</source>
        <translation>Restcomm bricht bei diesem Muster ab, daher werden diese kürzeren nie geprüft: %1.</translation>
    </message>
    <message>
        <source>%1 matches every number: all calls that no exact number takes go to it, and no shorter pattern is ever reached.</source>
        <translation>%1 passt auf jede Nummer: alle Anrufe, die keine exakte Nummer annimmt, gehen dorthin, und kein kürzeres Muster wird je erreicht.</translation>
    </message>
    <message>
        <source>%1 matches %2 % of a sample of %3 ordinary numbers: it takes almost every call that no exact number takes.</source>
        <translation>%1 passt auf %2 % einer Stichprobe von %3 gewöhnlichen Nummern: es nimmt fast jeden Anruf an, den keine exakte Nummer annimmt.</translation>
    </message>
    <message>
        <source>%1 never wins: every number it matches is taken first by the longer pattern %2.</source>
        <translation>%1 gewinnt nie: jede Nummer, auf die es passt, nimmt zuerst das längere Muster %2 an.</translation>
    </message>
    <message>
        <source>%1 has an SMS route, but Restcomm does not use regex routes for SMS: messages to matching numbers do not reach it.</source>
        <translation>%1 hat eine SMS-Route, aber Restcomm verwendet Regex-Routen nicht für SMS: Nachrichten an passende Nummern erreichen sie nicht.</translation>
    </message>
    <message>
        <source>Regex routes apply to voice calls only; SMS reach only exact numbers.</source>
        <translation>Regex-Routen gelten nur für Anrufe; SMS erreichen nur exakte Nummern.</translation>
    </message>
</context>
<context>
    <name>RouteMatcher</name>
    <message>
        <source>The pattern ends with an unfinished escape &quot;\&quot;.</source>
        <translation>Das Muster endet mit einer unvollständigen Escape-Sequenz &quot;\&quot;.</translation>
    </message>
    <message>
        <source>Nested character classes (&quot;%1&quot;) are Java-only and not supported.</source>
        <translation>Verschachtelte Zeichenklassen (&quot;%1&quot;) gibt es nur in Java; sie werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Character class intersection &quot;&amp;&amp;&quot; is Java-only and not supported.</source>
        <translation>Die Schnittmenge von Zeichenklassen &quot;&amp;&amp;&quot; gibt es nur in Java; sie wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Illegal repetition near index %1: &quot;{&quot; must start a quantifier such as {3} or {2,4}.</source>
        <translation>Unzulässige Wiederholung bei Index %1: &quot;{&quot; muss einen Quantifizierer wie {3} oder {2,4} einleiten.</translation>
    </message>
    <message>
        <source>Unclosed character class in &quot;%1&quot;.</source>
        <translation>Nicht geschlossene Zeichenklasse in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; is not a valid regular expression: %2 at offset %3.</source>
        <translation>Das Muster &quot;%1&quot; ist kein gültiger regulärer Ausdruck: %2 an Position %3.</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>&amp;Test dialed numbers</source>
        <translation>Gewählte Nummern &amp;testen</translation>
    </message>
    <message>
        <source>One or more dialed numbers, separated by commas, spaces or new lines, e.g. 16502530000, 42342, *7712333#</source>
        <translation>Eine oder mehrere gewählte Nummern, getrennt durch Kommas, Leerzeichen oder Zeilenumbrüche, z. B. 16502530000, 42342, *7712333#</translation>
    </message>
    <message>
        <source>Dialed / entry</source>
        <translation>Gewählt / Eintrag</translation>
    </message>
    <message>
        <source>Result / reason</source>
        <translation>Ergebnis / Grund</translation>
    </message>
    <message>
        <source>Linter</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>SMS does not use regex routes: Restcomm matches patterns for voice calls only, so a message reaches only a number stored exactly.</source>
        <translation>SMS nutzen keine Regex-Routen: Restcomm wendet Muster nur auf Sprachanrufe an, eine Nachricht erreicht also nur eine exakt gespeicherte Nummer.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>SettingsPusher</name>
    <message>
        <source>The settings change names no extension and kind (key &quot;%1&quot;, expected &quot;&lt;extension id&gt;/&lt;kind&gt;&quot;).</source>
        <translation>Die Einstellungsänderung nennt keine Nebenstelle und keine Art (Schlüssel &quot;%1&quot;, erwartet &quot;&lt;extension id&gt;/&lt;kind&gt;&quot;).</translation>
    </message>
    <message>
        <source>Settings of extension %1 can only be updated, not created or deleted.</source>
        <translation>Einstellungen der Nebenstelle %1 können nur aktualisiert, nicht angelegt oder gelöscht werden.</translation>
    </message>
    <message>
        <source>The change of the %1 of extension %2 carries no settings (payload member settings).</source>
        <translation>Die Änderung an %1 der Nebenstelle %2 enthält keine Einstellungen (Payload-Feld settings).</translation>
    </message>
    <message>
        <source>Extension %1 was deleted at the provider since you edited its %2.</source>
        <translation>Die Nebenstelle %1 wurde seit Ihrer Bearbeitung von %2 beim Anbieter gelöscht.</translation>
    </message>
    <message>
        <source>The %1 of extension %2 changed at the provider since you edited it.</source>
        <translation>Nebenstelle %2: %1 seit Ihrer Bearbeitung beim Anbieter geändert.</translation>
    </message>
    <message>
        <source>The %1 of extension %2 changed at the provider since you edited it: %3.</source>
        <translation>Nebenstelle %2: %1 seit Ihrer Bearbeitung beim Anbieter geändert: %3.</translation>
    </message>
    <message>
        <source>The %1 of extension %2 already had the new values.</source>
        <translation>Nebenstelle %2: %1 hatte bereits die neuen Werte.</translation>
    </message>
    <message>
        <source>Updated the %1 of extension %2 (%3).</source>
        <translation>Nebenstelle %2: %1 aktualisiert (%3).</translation>
    </message>
    <message>
        <source>The %1 of extension %2 are shown, not edited: the change cannot be applied; discard it.</source>
        <translation>Die %1 der Nebenstelle %2 werden nur angezeigt, nicht bearbeitet: Die Änderung kann nicht angewendet werden; verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Extension %1 has no after-hours rule at the provider any more (its business hours are 24/7 now, or it was deleted).</source>
        <translation>Nebenstelle %1 hat beim Anbieter keine Regel außerhalb der Geschäftszeiten mehr (ihre Geschäftszeiten sind jetzt rund um die Uhr, oder sie wurde gelöscht).</translation>
    </message>
</context>
<context>
    <name>StageCommand</name>
    <message>
        <source>update, create or delete</source>
        <translation>update, create oder delete</translation>
    </message>
    <message>
        <source>extension, forwarding or number</source>
        <translation>extension, forwarding oder number</translation>
    </message>
    <message>
        <source>The record (see above).</source>
        <translation>Der Datensatz (siehe oben).</translation>
    </message>
    <message>
        <source>The profile (name or id); needed when there are several.</source>
        <translation>Das Profil (Name oder ID); nötig, wenn es mehrere gibt.</translation>
    </message>
    <message>
        <source>A field&apos;s new value; repeat for more fields.</source>
        <translation>Der neue Wert eines Felds; für weitere Felder wiederholen.</translation>
    </message>
    <message>
        <source>text or json (the staged changes as `pending list` prints them).</source>
        <translation>text oder json (die vorgemerkten Änderungen, wie `pending list` sie ausgibt).</translation>
    </message>
    <message>
        <source>stage: use `stage update extension EXT`, `stage create forwarding EXT`, `stage update|delete forwarding EXT ID` or `stage update number NUMBER`; see trunkline-cli stage --help.</source>
        <translation>stage: verwenden Sie `stage update extension NST`, `stage create forwarding NST`, `stage update|delete forwarding NST ID` oder `stage update number NUMMER`; siehe trunkline-cli stage --help.</translation>
    </message>
    <message>
        <source>stage %1: name at least one field with --set FIELD=VALUE.</source>
        <translation>stage %1: nennen Sie mindestens ein Feld mit --set FELD=WERT.</translation>
    </message>
    <message>
        <source>stage delete: takes no --set.</source>
        <translation>stage delete: nimmt kein --set.</translation>
    </message>
    <message>
        <source>stage: there is no profile yet; add one with `profiles add`.</source>
        <translation>stage: es gibt noch kein Profil; legen Sie eines mit `profiles add` an.</translation>
    </message>
    <message>
        <source>stage: there are several profiles; name one with --profile.</source>
        <translation>stage: es gibt mehrere Profile; nennen Sie eines mit --profile.</translation>
    </message>
    <message>
        <source>Profile %1 has no extension %2 (run sync first?).</source>
        <translation>Profil %1 hat keine Nebenstelle %2 (zuerst sync ausführen?).</translation>
    </message>
    <message>
        <source>Extension %1 is staged for deletion.</source>
        <translation>Nebenstelle %1 ist zum Löschen vorgemerkt.</translation>
    </message>
    <message>
        <source>Extension %1&apos;s forwarding list has %2 staged change(s) that are not applied yet; apply or discard them first (see pending list).</source>
        <translation>Die Weiterleitungsliste der Nebenstelle %1 hat %2 vorgemerkte Änderung(en), die noch nicht angewendet sind; wenden Sie sie zuerst an oder verwerfen Sie sie (siehe pending list).</translation>
    </message>
    <message>
        <source>a new forwarding number needs one (--set phoneNumber=+49...).</source>
        <translation>eine neue Weiterleitungsnummer braucht eine (--set phoneNumber=+49...).</translation>
    </message>
    <message>
        <source>Extension %1 has no forwarding number %2 (see export forwarding).</source>
        <translation>Nebenstelle %1 hat keine Weiterleitungsnummer %2 (siehe export forwarding).</translation>
    </message>
    <message>
        <source>Profile %1 has no phone number %2 (run sync first?).</source>
        <translation>Profil %1 hat keine Rufnummer %2 (zuerst sync ausführen?).</translation>
    </message>
    <message>
        <source>Phone number %1 is staged for release.</source>
        <translation>Rufnummer %1 ist zur Freigabe vorgemerkt.</translation>
    </message>
    <message>
        <source>profile %1 has no extension %2.</source>
        <translation>Profil %1 hat keine Nebenstelle %2.</translation>
    </message>
    <message>
        <source>trunkline-cli: nothing was staged.</source>
        <translation>trunkline-cli: nichts wurde vorgemerkt.</translation>
    </message>
    <message>
        <source>Staged change %1: %2</source>
        <translation>Vorgemerkte Änderung %1: %2</translation>
    </message>
    <message>
        <source>Revised staged change %1: %2</source>
        <translation>Vorgemerkte Änderung %1 überarbeitet: %2</translation>
    </message>
    <message>
        <source>Dropped staged change %1 (the edit is back to the stored value): %2</source>
        <translation>Vorgemerkte Änderung %1 entfernt (die Bearbeitung ist wieder beim gespeicherten Wert): %2</translation>
    </message>
    <message>
        <source>Nothing staged: the edit changes nothing.</source>
        <translation>Nichts vorgemerkt: die Bearbeitung ändert nichts.</translation>
    </message>
    <message>
        <source>Stages an edit as a pending change, as the console&apos;s forms do; `pending apply` sends it.

  update extension EXT --set FIELD=VALUE...      EXT: extension number or id
  create forwarding EXT --set phoneNumber=+49... [--set label=...]
  update forwarding EXT ID --set FIELD=VALUE...  ID: the forwarding number&apos;s id
  delete forwarding EXT ID
  update number NUMBER --set FIELD=VALUE...      NUMBER: E.164 number or id
Call flip: update forwarding EXT ID --set flipNumber=2 moves the entry in the flip list. RingCentral
sets the features: a new number gets call forwarding and call flip, and keeps them.

FIELD is a column of `export … --format json`:
  extension:  %1
  forwarding: %2 (type defaults to Other with a label, else Mobile)
  number:     %3 (an empty extensionId unassigns the number)
An empty VALUE clears the field. A field that is not editable, or a value that breaks a rule, exits 3 with the field and the rule on standard error, and nothing is staged.</source>
        <translation>Merkt eine Änderung als ausstehend vor, wie es die Formulare der Konsole tun; `pending apply` sendet sie.

  update extension NST --set FELD=WERT...        NST: Durchwahl oder ID der Nebenstelle
  create forwarding NST --set phoneNumber=+49... [--set label=...]
  update forwarding NST ID --set FELD=WERT...    ID: die ID der Weiterleitungsnummer
  delete forwarding NST ID
  update number NUMMER --set FELD=WERT...        NUMMER: E.164-Nummer oder ID
Call Flip: update forwarding NST ID --set flipNumber=2 verschiebt den Eintrag in der Flip-Liste. RingCentral
setzt die Funktionen (features): eine neue Nummer erhält Anrufweiterleitung und Call-Flip und behält sie.

FELD ist eine Spalte von `export … --format json`:
  extension:  %1
  forwarding: %2 (Typ ist Other, wenn ein label gesetzt ist, sonst Mobile)
  number:     %3 (eine leere extensionId hebt die Zuordnung der Nummer auf)
Ein leerer WERT leert das Feld. Ein nicht änderbares Feld oder ein Wert, der eine Regel verletzt, endet mit Exit-Code 3, Feld und Regel auf der Standardfehlerausgabe, und nichts wird vorgemerkt.</translation>
    </message>
</context>
<context>
    <name>StagingCommand</name>
    <message>
        <source>Cannot redo “%1”: %2</source>
        <translation>„%1“ kann nicht wiederholt werden: %2</translation>
    </message>
    <message>
        <source>Cannot undo “%1”: %2</source>
        <translation>„%1“ kann nicht rückgängig gemacht werden: %2</translation>
    </message>
</context>
<context>
    <name>StoredRecord</name>
    <message>
        <source>The local copy has no record %1 (%2); sync, then try again.</source>
        <translation>Die lokale Kopie enthält keinen Datensatz %1 (%2); synchronisieren Sie und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Pulls every selected profile into the database, then pushes its pending changes.</source>
        <translation>Ruft jedes ausgewählte Profil in die Datenbank ab und überträgt dann seine ausstehenden Änderungen.</translation>
    </message>
    <message>
        <source>Only this profile (name or id).</source>
        <translation>Nur dieses Profil (Name oder ID).</translation>
    </message>
    <message>
        <source>Also fetch every extension&apos;s forwarding list (one request per extension: slow on big accounts).</source>
        <translation>Auch die Weiterleitungsliste jeder Nebenstelle abrufen (eine Anfrage pro Nebenstelle: langsam bei großen Konten).</translation>
    </message>
    <message>
        <source>Summary format: text or json.</source>
        <translation>Format der Zusammenfassung: text oder json.</translation>
    </message>
    <message>
        <source>sync: unexpected argument “%1”.</source>
        <translation>sync: unerwartetes Argument “%1”.</translation>
    </message>
    <message>
        <source>There is no profile to sync (see `trunkline-cli profiles add`).</source>
        <translation>Es gibt kein Profil zum Synchronisieren (siehe `trunkline-cli profiles add`).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2; %3 changes applied, %4 failed, %5 conflicts; %6</source>
        <translation>%1: %2; %3 Änderungen übernommen, %4 fehlgeschlagen, %5 Konflikte; %6</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>PARTIAL, run sync again</source>
        <translation>UNVOLLSTÄNDIG, sync erneut ausführen</translation>
    </message>
</context>
<context>
    <name>TelnyxErrors</name>
    <message>
        <source>Bad Request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Missing required parameter</source>
        <translation>Erforderlicher Parameter fehlt</translation>
    </message>
    <message>
        <source>Resource not found</source>
        <translation>Ressource nicht gefunden</translation>
    </message>
    <message>
        <source>Invalid ID</source>
        <translation>Ungültige ID</translation>
    </message>
    <message>
        <source>Duplicate resource</source>
        <translation>Doppelte Ressource</translation>
    </message>
    <message>
        <source>Phone number must be in +E.164 format</source>
        <translation>Die Rufnummer muss im Format +E.164 vorliegen</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The API key in the Authorization header (Bearer) is missing or invalid.</source>
        <translation>Der API-Schlüssel im Authorization-Header (Bearer) fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation>Unbekanntes Feld %1.</translation>
    </message>
</context>
<context>
    <name>TelnyxMapper</name>
    <message>
        <source>%1: status “%2” is not one Telnyx documents.</source>
        <translation>%1: Der Status “%2” ist bei Telnyx nicht dokumentiert.</translation>
    </message>
    <message>
        <source>%1: field “%2” needs integer start_at and end_at.</source>
        <translation>%1: Das Feld “%2” benötigt ganzzahlige Werte für start_at und end_at.</translation>
    </message>
    <message>
        <source>Porting order %1</source>
        <translation>Portierungsauftrag %1</translation>
    </message>
    <message>
        <source>Porting order: the required field “id” is missing.</source>
        <translation>Portierungsauftrag: Das Pflichtfeld “id” fehlt.</translation>
    </message>
    <message>
        <source>Porting phone number %1</source>
        <translation>Portierungsrufnummer %1</translation>
    </message>
    <message>
        <source>%1: neither “id” nor “porting_phone_number_id” is present.</source>
        <translation>%1: Weder “id” noch “porting_phone_number_id” ist vorhanden.</translation>
    </message>
    <message>
        <source>Phone number extension %1</source>
        <translation>Durchwahlblock %1</translation>
    </message>
    <message>
        <source>Phone number extension: the required field “id” is missing.</source>
        <translation>Durchwahlblock: Das Pflichtfeld “id” fehlt.</translation>
    </message>
</context>
<context>
    <name>TelnyxNumbersMapper</name>
    <message>
        <source>Available phone number: the required field “phone_number” is missing.</source>
        <translation>Verfügbare Rufnummer: Das Pflichtfeld „phone_number“ fehlt.</translation>
    </message>
    <message>
        <source>Number order: the required field “id” is missing.</source>
        <translation>Rufnummernbestellung: Das Pflichtfeld „id“ fehlt.</translation>
    </message>
    <message>
        <source>Phone number %1: the required fields “id” and “phone_number” must be present.</source>
        <translation>Rufnummer %1: Die Pflichtfelder „id“ und „phone_number“ müssen vorhanden sein.</translation>
    </message>
</context>
<context>
    <name>TelnyxPortOrders</name>
    <message>
        <source>The route number is not among the order&apos;s porting phone numbers.</source>
        <translation>Die Stammnummer ist nicht unter den Portierungsrufnummern des Auftrags.</translation>
    </message>
</context>
<context>
    <name>TelnyxService</name>
    <message>
        <source>Method %1 is not allowed on %2.</source>
        <translation>Die Methode %1 ist für %2 nicht erlaubt.</translation>
    </message>
    <message>
        <source>The emulator has no Telnyx endpoint %1 %2.</source>
        <translation>Der Emulator hat keinen Telnyx-Endpunkt %1 %2.</translation>
    </message>
    <message>
        <source>Porting order id &quot;%1&quot; is not a UUID.</source>
        <translation>Die Portierungsauftrags-ID &quot;%1&quot; ist keine UUID.</translation>
    </message>
    <message>
        <source>Porting order %1 was not found.</source>
        <translation>Der Portierungsauftrag %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Unknown porting order status &quot;%1&quot;.</source>
        <translation>Unbekannter Status des Portierungsauftrags &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The date-time filter must be ISO 8601, got &quot;%1&quot;.</source>
        <translation>Der Datums-/Zeitfilter muss im Format ISO 8601 angegeben werden, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>sort must be one of %1, got &quot;%2&quot;.</source>
        <translation>sort muss einer der Werte %1 sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Unknown field /%1.</source>
        <translation>Unbekanntes Feld /%1.</translation>
    </message>
    <message>
        <source>/%1 must be a string, got %2.</source>
        <translation>/%1 muss eine Zeichenkette sein, erhalten: %2.</translation>
    </message>
    <message>
        <source>/phone_numbers must be present.</source>
        <translation>/phone_numbers muss vorhanden sein.</translation>
    </message>
    <message>
        <source>/phone_numbers must be an array of +E.164 strings, got %1.</source>
        <translation>/phone_numbers muss ein Array von +E.164-Zeichenketten sein, erhalten: %1.</translation>
    </message>
    <message>
        <source>/phone_numbers must contain at least one number.</source>
        <translation>/phone_numbers muss mindestens eine Rufnummer enthalten.</translation>
    </message>
    <message>
        <source>%1 numbers is the maximum allowed.</source>
        <translation>Erlaubt sind höchstens %1 Rufnummern.</translation>
    </message>
    <message>
        <source>%1 must be a string, got %2.</source>
        <translation>%1 muss eine Zeichenkette sein, erhalten: %2.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not in +E.164 format (&quot;+&quot;, country code, number, no spaces).</source>
        <translation>%1 &quot;%2&quot; ist nicht im Format +E.164 (&quot;+&quot;, Ländervorwahl, Rufnummer, ohne Leerzeichen).</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a portable phone number: %3</source>
        <translation>%1 &quot;%2&quot; ist keine portierbare Rufnummer: %3</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is listed twice.</source>
        <translation>%1 &quot;%2&quot; ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is already on porting order %3 (status %4).</source>
        <translation>%1 &quot;%2&quot; ist bereits im Portierungsauftrag %3 enthalten (Status %4).</translation>
    </message>
    <message>
        <source>A porting order in status %1 cannot be changed.</source>
        <translation>Ein Portierungsauftrag im Status %1 kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>/activation_settings/foc_datetime_requested must lie in the future, got %1.</source>
        <translation>/activation_settings/foc_datetime_requested muss in der Zukunft liegen, erhalten: %1.</translation>
    </message>
    <message>
        <source>Requirement group %1 was not found.</source>
        <translation>Die Anforderungsgruppe %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a requirement of this porting order.</source>
        <translation>%1 &quot;%2&quot; ist keine Anforderung dieses Portierungsauftrags.</translation>
    </message>
    <message>
        <source>/misc/new_billing_phone_number is required when /misc/remaining_numbers_action is &quot;keep&quot;.</source>
        <translation>/misc/new_billing_phone_number ist erforderlich, wenn /misc/remaining_numbers_action &quot;keep&quot; ist.</translation>
    </message>
    <message>
        <source>Only porting orders in status draft can be deleted; this one is %1.</source>
        <translation>Nur Portierungsaufträge im Status draft können gelöscht werden; dieser hat den Status %1.</translation>
    </message>
    <message>
        <source>Only porting orders in status draft or exception can be confirmed; this one is %1.</source>
        <translation>Nur Portierungsaufträge im Status draft oder exception können bestätigt werden; dieser hat den Status %1.</translation>
    </message>
    <message>
        <source>%1 must be filled in before the porting order can be confirmed.</source>
        <translation>%1 muss ausgefüllt sein, bevor der Portierungsauftrag bestätigt werden kann.</translation>
    </message>
    <message>
        <source>The LOA and the latest invoice (/documents/loa, /documents/invoice) must be given before the porting order can be confirmed.</source>
        <translation>Die LOA und die letzte Rechnung (/documents/loa, /documents/invoice) müssen angegeben sein, bevor der Portierungsauftrag bestätigt werden kann.</translation>
    </message>
    <message>
        <source>A porting order in status draft cannot be cancelled; delete it instead.</source>
        <translation>Ein Portierungsauftrag im Status draft kann nicht storniert werden; löschen Sie ihn stattdessen.</translation>
    </message>
    <message>
        <source>A porting order in status %1 cannot be cancelled.</source>
        <translation>Ein Portierungsauftrag im Status %1 kann nicht storniert werden.</translation>
    </message>
    <message>
        <source>The porting order cannot be cancelled within 48 hours of its FOC date %1; please contact Telnyx support.</source>
        <translation>Der Portierungsauftrag kann innerhalb von 48 Stunden vor seinem FOC-Datum %1 nicht storniert werden; wenden Sie sich bitte an den Telnyx-Support.</translation>
    </message>
    <message>
        <source>filter[porting_order_id] must be a UUID, got &quot;%1&quot;.</source>
        <translation>filter[porting_order_id] muss eine UUID sein, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>sort must be created_at or -created_at, got &quot;%1&quot;.</source>
        <translation>sort muss created_at oder -created_at sein, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 must be an object {start_at, end_at}, got %2.</source>
        <translation>%1 muss ein Objekt {start_at, end_at} sein, erhalten: %2.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be an integer, got %2.</source>
        <translation>%1 muss eine Ganzzahl sein, erhalten: %2.</translation>
    </message>
    <message>
        <source>/porting_phone_number_id is required.</source>
        <translation>/porting_phone_number_id ist erforderlich.</translation>
    </message>
    <message>
        <source>/porting_phone_number_id must be a string (UUID), got %1.</source>
        <translation>/porting_phone_number_id muss eine Zeichenkette (UUID) sein, erhalten: %1.</translation>
    </message>
    <message>
        <source>/porting_phone_number_id must be a UUID, got &quot;%1&quot;.</source>
        <translation>/porting_phone_number_id muss eine UUID sein, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Porting phone number %1 is not on porting order %2.</source>
        <translation>Die Portierungsrufnummer %1 gehört nicht zum Portierungsauftrag %2.</translation>
    </message>
    <message>
        <source>/extension_range is required.</source>
        <translation>/extension_range ist erforderlich.</translation>
    </message>
    <message>
        <source>/activation_ranges is required.</source>
        <translation>/activation_ranges ist erforderlich.</translation>
    </message>
    <message>
        <source>/activation_ranges must be an array of {start_at, end_at}, got %1.</source>
        <translation>/activation_ranges muss ein Array von {start_at, end_at} sein, erhalten: %1.</translation>
    </message>
    <message>
        <source>Extension range %1 overlaps extension range %2 already attached to %3 (extension %4).</source>
        <translation>Der Durchwahlbereich %1 überschneidet sich mit dem Durchwahlbereich %2, der bereits %3 zugeordnet ist (Durchwahlblock %4).</translation>
    </message>
    <message>
        <source>Phone number extension %1 was not found on porting order %2.</source>
        <translation>Der Durchwahlblock %1 wurde im Portierungsauftrag %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>Extensions can only be deleted while the porting order is in draft, in-process or exception; this one is %1.</source>
        <translation>Durchwahlblöcke können nur gelöscht werden, solange der Portierungsauftrag den Status draft, in-process oder exception hat; dieser hat den Status %1.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Zu viele Anfragen</translation>
    </message>
    <message>
        <source>You have exceeded the maximum number of allowed requests.</source>
        <translation>Sie haben die maximale Anzahl zulässiger Anfragen überschritten.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>An unexpected error occurred; please retry the request.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten; bitte wiederholen Sie die Anfrage.</translation>
    </message>
    <message>
        <source>The emulator fetches no documents from a URL; send the file inline (/file, base64).</source>
        <translation>Der Emulator lädt keine Dokumente von einer URL; senden Sie die Datei direkt mit (/file, Base64).</translation>
    </message>
    <message>
        <source>/filename must be present.</source>
        <translation>/filename muss angegeben sein.</translation>
    </message>
    <message>
        <source>/file must be present (the file, base64).</source>
        <translation>/file muss angegeben sein (die Datei, Base64).</translation>
    </message>
    <message>
        <source>/file is not base64 or is empty.</source>
        <translation>/file ist kein Base64 oder leer.</translation>
    </message>
    <message>
        <source>/file has %1 bytes; at most %2 are taken.</source>
        <translation>/file hat %1 Bytes; höchstens %2 werden angenommen.</translation>
    </message>
    <message>
        <source>/file must be a PDF, JPEG or PNG file.</source>
        <translation>/file muss eine PDF-, JPEG- oder PNG-Datei sein.</translation>
    </message>
    <message>
        <source>Document %1 was not found.</source>
        <translation>Das Dokument %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Document %1 was not found; upload it first (POST /documents).</source>
        <translation>Das Dokument %1 wurde nicht gefunden; laden Sie es zuerst hoch (POST /documents).</translation>
    </message>
    <message>
        <source>Parameter %1 may hold digits and letters only, got &quot;%2&quot;.</source>
        <translation>Parameter %1 darf nur Ziffern und Buchstaben enthalten, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>filter[phone_number_type] must be one of %1, got &quot;%2&quot;.</source>
        <translation>filter[phone_number_type] muss einer der Werte %1 sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>filter[limit] must be an integer from 1 to %1, got &quot;%2&quot;.</source>
        <translation>filter[limit] muss eine ganze Zahl von 1 bis %1 sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>phone_numbers must be present: a non-empty array of {&quot;phone_number&quot;: &quot;+E.164&quot;} objects.</source>
        <translation>phone_numbers muss vorhanden sein: ein nicht leeres Array von {&quot;phone_number&quot;: &quot;+E.164&quot;}-Objekten.</translation>
    </message>
    <message>
        <source>customer_reference must be a string, got %1.</source>
        <translation>customer_reference muss eine Zeichenkette sein, erhalten: %1.</translation>
    </message>
    <message>
        <source>phone_numbers[%1].phone_number must be a +E.164 string.</source>
        <translation>phone_numbers[%1].phone_number muss eine +E.164-Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 is not available: only numbers returned by a number search can be ordered, once.</source>
        <translation>%1 ist nicht verfügbar: Nur Rufnummern aus einer Rufnummernsuche können bestellt werden, und zwar nur einmal.</translation>
    </message>
    <message>
        <source>Number order %1 was not found.</source>
        <translation>Rufnummernbestellung %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>filter[phone_number] must be 3 to 15 digits, got &quot;%1&quot;.</source>
        <translation>filter[phone_number] muss aus 3 bis 15 Ziffern bestehen, erhalten: &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>TimeZoneRepository</name>
    <message>
        <source>Cannot replace the time zone list</source>
        <translation>Die Zeitzonenliste kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Cannot save the time zone %1</source>
        <translation>Die Zeitzone %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read the time zone list</source>
        <translation>Die Zeitzonenliste kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Cannot start a transaction on %1: %2</source>
        <translation>Auf %1 kann keine Transaktion gestartet werden: %2</translation>
    </message>
    <message>
        <source>The transaction is no longer active.</source>
        <translation>Die Transaktion ist nicht mehr aktiv.</translation>
    </message>
    <message>
        <source>Nothing was saved because an earlier step of the same change failed.</source>
        <translation>Es wurde nichts gespeichert, weil ein früherer Schritt derselben Änderung fehlgeschlagen ist.</translation>
    </message>
    <message>
        <source>Cannot save the changes to %1: %2</source>
        <translation>Die Änderungen können nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>UsageType</name>
    <message>
        <source>Main company number</source>
        <translation>Firmen-Hauptrufnummer</translation>
    </message>
    <message>
        <source>Additional company number</source>
        <translation>Zusätzliche Firmenrufnummer</translation>
    </message>
    <message>
        <source>Company number</source>
        <translation>Firmenrufnummer</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Direktrufnummer</translation>
    </message>
    <message>
        <source>Company fax number</source>
        <translation>Firmenfaxnummer</translation>
    </message>
    <message>
        <source>FMC business mobile number</source>
        <translation>FMC-Geschäftsmobilnummer</translation>
    </message>
    <message>
        <source>FMC business mobile number (inventory)</source>
        <translation>FMC-Geschäftsmobilnummer (Bestand)</translation>
    </message>
    <message>
        <source>Forwarded number</source>
        <translation>Weitergeleitete Rufnummer</translation>
    </message>
    <message>
        <source>Forwarded company number</source>
        <translation>Weitergeleitete Firmenrufnummer</translation>
    </message>
    <message>
        <source>Contact center number</source>
        <translation>Contact-Center-Rufnummer</translation>
    </message>
    <message>
        <source>Conferencing number</source>
        <translation>Konferenzrufnummer</translation>
    </message>
    <message>
        <source>Meetings number</source>
        <translation>Meetings-Rufnummer</translation>
    </message>
    <message>
        <source>Number pool</source>
        <translation>Rufnummernpool</translation>
    </message>
    <message>
        <source>Business mobile number</source>
        <translation>Geschäftsmobilnummer</translation>
    </message>
    <message>
        <source>Emergency location number (ELIN)</source>
        <translation>Notruf-Standortnummer (ELIN)</translation>
    </message>
    <message>
        <source>Partner business mobile number</source>
        <translation>Partner-Geschäftsmobilnummer</translation>
    </message>
    <message>
        <source>Partner business mobile number (pool)</source>
        <translation>Partner-Geschäftsmobilnummer (Pool)</translation>
    </message>
    <message>
        <source>Number storage</source>
        <translation>Rufnummernspeicher</translation>
    </message>
    <message>
        <source>Integration number</source>
        <translation>Integrationsrufnummer</translation>
    </message>
    <message>
        <source>Mobile number (inventory)</source>
        <translation>Mobilnummer (Bestand)</translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message>
        <source>text or json.</source>
        <translation>text oder json.</translation>
    </message>
    <message>
        <source>validate: expected number or port-ranges, not “%1”.</source>
        <translation>validate: number oder port-ranges erwartet, nicht “%1”.</translation>
    </message>
    <message>
        <source>Checks a phone number and prints it in E.164.</source>
        <translation>Prüft eine Rufnummer und gibt sie im E.164-Format aus.</translation>
    </message>
    <message>
        <source>The number as typed.</source>
        <translation>Die Rufnummer wie eingegeben.</translation>
    </message>
    <message>
        <source>Region for numbers without +/00 (ISO code).</source>
        <translation>Region für Rufnummern ohne +/00 (ISO-Code).</translation>
    </message>
    <message>
        <source>validate number: give exactly one number (quote it if it has spaces).</source>
        <translation>validate number: Geben Sie genau eine Rufnummer an (in Anführungszeichen, wenn sie Leerzeichen enthält).</translation>
    </message>
    <message>
        <source>Checks a German extended-number block (route number, extension range, activation ranges) against the porting rules.</source>
        <translation>Prüft einen deutschen Durchwahlnummernblock (Stammnummer, Durchwahlbereich, Aktivierungsbereiche) anhand der Portierungsregeln.</translation>
    </message>
    <message>
        <source>The route number in E.164.</source>
        <translation>Die Stammnummer im E.164-Format.</translation>
    </message>
    <message>
        <source>The extension range, e.g. 0-99.</source>
        <translation>Der Durchwahlbereich, z. B. 0-99.</translation>
    </message>
    <message>
        <source>Activation ranges, e.g. 4-4,19-20.</source>
        <translation>Aktivierungsbereiche, z. B. 4-4,19-20.</translation>
    </message>
    <message>
        <source>The porting order&apos;s status.</source>
        <translation>Der Status des Portierungsauftrags.</translation>
    </message>
    <message>
        <source>validate port-ranges: --route and --range are required.</source>
        <translation>validate port-ranges: --route und --range sind erforderlich.</translation>
    </message>
    <message>
        <source>--range: “%1” is not FROM-TO (digits).</source>
        <translation>--range: “%1” hat nicht die Form VON-BIS (Ziffern).</translation>
    </message>
    <message>
        <source>--activate: “%1” is not FROM-TO (digits).</source>
        <translation>--activate: “%1” hat nicht die Form VON-BIS (Ziffern).</translation>
    </message>
    <message>
        <source>--status: “%1” is not a porting order status.</source>
        <translation>--status: “%1” ist kein Status eines Portierungsauftrags.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>valid: %n number(s)</source>
        <translation>
            <numerusform>gültig: %n Rufnummer</numerusform>
            <numerusform>gültig: %n Rufnummern</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: trunkline-cli validate WHAT [options]
Checks input against the rules the console applies, without a database.

  number TEXT    a phone number: its E.164 form, or the rule it breaks (--region)
  port-ranges    a German extended-number port: --route, --range, --activate

trunkline-cli validate WHAT --help tells the options of each.</source>
        <translation>Aufruf: trunkline-cli validate WAS [Optionen]
Prüft Eingaben gegen die Regeln der Konsole, ohne Datenbank.

  number TEXT    eine Telefonnummer: ihre E.164-Form oder die Regel, die sie verletzt (--region)
  port-ranges    eine Portierung deutscher Durchwahlnummern: --route, --range, --activate

trunkline-cli validate WAS --help nennt die Optionen jeder Prüfung.</translation>
    </message>
</context>
<context>
    <name>WantedNumbers</name>
    <message>
        <source>“%1” contains “%2”; a number may hold only digits, spaces, + / - . ( )</source>
        <translation>„%1“ enthält „%2“; eine Nummer darf nur Ziffern, Leerzeichen und + / - . ( ) enthalten</translation>
    </message>
    <message>
        <source>“%1” has no country: write it as +49…, 0049… or with the area code&apos;s 0</source>
        <translation>„%1“ hat kein Land: schreiben Sie +49…, 0049… oder mit der 0 der Vorwahl</translation>
    </message>
    <message>
        <source>“%1” is not a phone number (+ and 2 to 15 digits)</source>
        <translation>„%1“ ist keine Telefonnummer (+ und 2 bis 15 Ziffern)</translation>
    </message>
    <message>
        <source>Line %1: %2.</source>
        <translation>Zeile %1: %2.</translation>
    </message>
    <message>
        <source>Line %1: %2 is not the route number %3 followed by a %4-digit extension.</source>
        <translation>Zeile %1: %2 ist nicht die Stammnummer %3 mit einer %4-stelligen Durchwahl.</translation>
    </message>
    <message>
        <source>Line %1: extension %2 of %3 is outside the extension range %4–%5.</source>
        <translation>Zeile %1: Durchwahl %2 von %3 liegt außerhalb des Durchwahlbereichs %4–%5.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Provisioning console for company phone systems.</source>
        <translation>Verwaltungskonsole für Telefonanlagen von Unternehmen.</translation>
    </message>
    <message>
        <source>Open the SQLite file at PATH or the PostgreSQL database at URL (postgresql://user@host:port/database) instead of the local default.</source>
        <translation>Statt der lokalen Standarddatenbank die SQLite-Datei unter PFAD oder die PostgreSQL-Datenbank unter URL (postgresql://benutzer@host:port/datenbank) öffnen.</translation>
    </message>
    <message>
        <source>PATH_OR_URL</source>
        <translation>PFAD_ODER_URL</translation>
    </message>
    <message>
        <source>Trunkline cannot start</source>
        <translation>Trunkline kann nicht starten</translation>
    </message>
    <message>
        <source>Trunkline could not open its database.</source>
        <translation>Trunkline konnte seine Datenbank nicht öffnen.</translation>
    </message>
    <message>
        <source>Serves the RingCentral, Telnyx and Restcomm APIs with seeded demo data on 127.0.0.1.</source>
        <translation>Stellt die APIs von RingCentral, Telnyx und Restcomm mit erzeugten Demodaten auf 127.0.0.1 bereit.</translation>
    </message>
    <message>
        <source>TCP port (0 = any free port).</source>
        <translation>TCP-Port (0 = beliebiger freier Port).</translation>
    </message>
    <message>
        <source>Seed of the demo data and faults.</source>
        <translation>Startwert (Seed) für Demodaten und Fehler.</translation>
    </message>
    <message>
        <source>Phone numbers to generate (default: a small office).</source>
        <translation>Anzahl zu erzeugender Rufnummern (Standard: ein kleines Büro).</translation>
    </message>
    <message>
        <source>Extensions to generate (default: a small office).</source>
        <translation>Anzahl zu erzeugender Nebenstellen (Standard: ein kleines Büro).</translation>
    </message>
    <message>
        <source>Injected faults, e.g. 5xx=0.1,429=0.05,drop=0.02,truncate=0.01,latency=50-400.</source>
        <translation>Eingespeiste Fehler, z. B. 5xx=0.1,429=0.05,drop=0.02,truncate=0.01,latency=50-400.</translation>
    </message>
    <message>
        <source>Provider rate limits: on or off.</source>
        <translation>Ratenbegrenzung der Anbieter: on oder off.</translation>
    </message>
    <message>
        <source>Run windows, penalties and token lifetimes F times faster.</source>
        <translation>Zeitfenster, Sperrzeiten und Token-Laufzeiten F-mal schneller ablaufen lassen.</translation>
    </message>
    <message>
        <source>JSON file that keeps the data across restarts.</source>
        <translation>JSON-Datei, die die Daten über Neustarts hinweg speichert.</translation>
    </message>
    <message>
        <source>--port must be 0 to 65535, got &quot;%1&quot;.</source>
        <translation>--port muss zwischen 0 und 65535 liegen, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--seed must be a non-negative integer, got &quot;%1&quot;.</source>
        <translation>--seed muss eine nicht negative Ganzzahl sein, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--%1 must be a non-negative integer, got &quot;%2&quot;.</source>
        <translation>--%1 muss eine nicht negative Ganzzahl sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--rate-limits must be on or off, got &quot;%1&quot;.</source>
        <translation>--rate-limits muss on oder off sein, erhalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--time-scale must be a number above 0, got &quot;%1&quot;.</source>
        <translation>--time-scale muss eine Zahl größer als 0 sein, erhalten: &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>trunkline::changes::ChangeDescriber</name>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>Voice URL</source>
        <translation>Voice-URL</translation>
    </message>
    <message>
        <source>Voice URL method</source>
        <translation>Voice-URL-Methode</translation>
    </message>
    <message>
        <source>Voice fallback URL</source>
        <translation>Voice-Fallback-URL</translation>
    </message>
    <message>
        <source>Voice fallback URL method</source>
        <translation>Voice-Fallback-URL-Methode</translation>
    </message>
    <message>
        <source>Status callback URL</source>
        <translation>Status-Callback-URL</translation>
    </message>
    <message>
        <source>Status callback URL method</source>
        <translation>Status-Callback-URL-Methode</translation>
    </message>
    <message>
        <source>Look up the caller&apos;s name (caller-ID lookup)</source>
        <translation>Namen des Anrufers nachschlagen (Anrufer-ID-Abfrage)</translation>
    </message>
    <message>
        <source>Voice application SID</source>
        <translation>Voice-Anwendungs-SID</translation>
    </message>
    <message>
        <source>SMS URL</source>
        <translation>SMS-URL</translation>
    </message>
    <message>
        <source>SMS URL method</source>
        <translation>SMS-URL-Methode</translation>
    </message>
    <message>
        <source>SMS fallback URL</source>
        <translation>SMS-Fallback-URL</translation>
    </message>
    <message>
        <source>SMS fallback URL method</source>
        <translation>SMS-Fallback-URL-Methode</translation>
    </message>
    <message>
        <source>SMS application SID</source>
        <translation>SMS-Anwendungs-SID</translation>
    </message>
    <message>
        <source>Refer URL</source>
        <translation>Refer-URL</translation>
    </message>
    <message>
        <source>Refer URL method</source>
        <translation>Refer-URL-Methode</translation>
    </message>
    <message>
        <source>Refer application SID</source>
        <translation>Refer-Anwendungs-SID</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Vorwahl</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Virtual SIP number</source>
        <translation>Virtuelle SIP-Rufnummer</translation>
    </message>
    <message>
        <source>Kind of number</source>
        <translation>Rufnummernart</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>To organisation (OrganizationSid)</source>
        <translation>An Organisation (OrganizationSid)</translation>
    </message>
    <message>
        <source>Extension number</source>
        <translation>Nebenstellennummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>Geschäftstelefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Flip digit</source>
        <translation>Flip-Ziffer</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>When a call comes in</source>
        <translation>Bei eingehendem Anruf</translation>
    </message>
    <message>
        <source>Take a voicemail when a call is not answered</source>
        <translation>Voicemail aufnehmen, wenn ein Anruf nicht angenommen wird</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Weiterleiten an</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>Durchstellen an</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Notify by e-mail about new voicemail</source>
        <translation>Per E-Mail über neue Voicemail benachrichtigen</translation>
    </message>
    <message>
        <source>Attach the voicemail as an audio file</source>
        <translation>Voicemail als Audiodatei anhängen</translation>
    </message>
    <message>
        <source>Mark the voicemail as read once it is e-mailed</source>
        <translation>Voicemail als gelesen markieren, sobald sie per E-Mail versendet wurde</translation>
    </message>
    <message>
        <source>Missed calls by e-mail</source>
        <translation>Verpasste Anrufe per E-Mail</translation>
    </message>
    <message>
        <source>Missed calls by SMS</source>
        <translation>Verpasste Anrufe per SMS</translation>
    </message>
    <message>
        <source>Incoming texts by e-mail</source>
        <translation>Eingehende Textnachrichten per E-Mail</translation>
    </message>
    <message>
        <source>Incoming texts by SMS</source>
        <translation>Eingehende Textnachrichten per SMS</translation>
    </message>
    <message>
        <source>Show callers</source>
        <translation>Anrufer anzeigen</translation>
    </message>
    <message>
        <source>Ring the forwarding list (forward calls)</source>
        <translation>Weiterleitungsliste anrufen (Anrufe weiterleiten)</translation>
    </message>
    <message>
        <source>Forward every call to a phone number</source>
        <translation>Jeden Anruf an eine Rufnummer weiterleiten</translation>
    </message>
    <message>
        <source>Voicemail only (take messages)</source>
        <translation>Nur Voicemail (Nachrichten aufnehmen)</translation>
    </message>
    <message>
        <source>Transfer to another extension (IVR menu, application)</source>
        <translation>An eine andere Nebenstelle durchstellen (IVR-Menü, Anwendung)</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Nebenstelle</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Play an announcement only</source>
        <translation>Nur eine Ansage abspielen</translation>
    </message>
</context>
<context>
    <name>trunkline::changes::ChangeStager</name>
    <message>
        <source>The pending change %1 was staged by someone else since you opened this record; the view now shows it: make your edit again on it.</source>
        <translation>Die ausstehende Änderung %1 wurde von jemand anderem vorgemerkt, seit Sie diesen Datensatz geöffnet haben; die Ansicht zeigt sie jetzt: nehmen Sie Ihre Bearbeitung darauf erneut vor.</translation>
    </message>
    <message>
        <source>The pending change %1 no longer exists.</source>
        <translation>Die vorgemerkte Änderung %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The pending change %1 is no longer in conflict.</source>
        <translation>Die vorgemerkte Änderung %1 steht nicht mehr im Konflikt.</translation>
    </message>
    <message>
        <source>Only an edit of a record can be merged; discard change %1 and stage it again if it is still wanted.</source>
        <translation>Nur die Bearbeitung eines Datensatzes kann zusammengeführt werden; verwerfen Sie die Änderung %1 und merken Sie sie erneut vor, falls sie noch gewünscht ist.</translation>
    </message>
    <message>
        <source>Trunkline has no newer copy of %1 than the one you edited: sync (F5), then resolve the conflict. If the record was deleted at the provider, discard the change.</source>
        <translation>Trunkline hat keine neuere Kopie von %1 als die, die Sie bearbeitet haben: Synchronisieren Sie (F5) und lösen Sie dann den Konflikt. Wurde der Datensatz beim Anbieter gelöscht, verwerfen Sie die Änderung.</translation>
    </message>
    <message>
        <source>The pending change %1 was edited by someone else since you opened it (revision %2, now %3); open it again.</source>
        <translation>Die vorgemerkte Änderung %1 wurde von jemand anderem bearbeitet, seit Sie sie geöffnet haben (Revision %2, jetzt %3); öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1 changed again since you opened this conflict; its current values are shown now: choose again.</source>
        <translation>%1 wurde erneut geändert, seit Sie diesen Konflikt geöffnet haben; die aktuellen Werte werden jetzt angezeigt: Wählen Sie erneut.</translation>
    </message>
    <message>
        <source>Choose mine or theirs for %1.</source>
        <translation>Wählen Sie für %1 meine oder deren Version.</translation>
    </message>
    <message>
        <source>The pending change %1 cannot be put back: the same record has the pending change %2 by now (staged since, here or by someone else).</source>
        <translation>Die vorgemerkte Änderung %1 kann nicht wiederhergestellt werden: Für denselben Datensatz besteht inzwischen die vorgemerkte Änderung %2 (seitdem vorgemerkt, hier oder von jemand anderem).</translation>
    </message>
</context>
<context>
    <name>trunkline::emulator</name>
    <message>
        <source>Fault &quot;%1&quot; has value &quot;%2&quot;; it must be a fraction from 0 to 1.</source>
        <translation>Der Fehler &quot;%1&quot; hat den Wert &quot;%2&quot;; er muss ein Anteil zwischen 0 und 1 sein.</translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::EmulatorServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1 port %1: %2</source>
        <translation>Port %1 auf 127.0.0.1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the state file %1: %2</source>
        <translation>Die Zustandsdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the state file %1: %2</source>
        <translation>Die Zustandsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The state file %1 is not an emulator state (format 1): %2</source>
        <translation>Die Zustandsdatei %1 enthält keinen Emulatorzustand (Format 1): %2</translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::FaultSpec</name>
    <message>
        <source>Fault item &quot;%1&quot; must have the form name=value.</source>
        <translation>Der Fehlereintrag &quot;%1&quot; muss die Form name=wert haben.</translation>
    </message>
    <message>
        <source>Fault &quot;latency&quot; has value &quot;%1&quot;; it must be MIN-MAX milliseconds with 0 ≤ MIN ≤ MAX ≤ 60000.</source>
        <translation>Der Fehler &quot;latency&quot; hat den Wert &quot;%1&quot;; er muss MIN-MAX Millisekunden mit 0 ≤ MIN ≤ MAX ≤ 60000 sein.</translation>
    </message>
    <message>
        <source>Unknown fault &quot;%1&quot;; known faults are 5xx, 429, drop, truncate and latency.</source>
        <translation>Unbekannter Fehler &quot;%1&quot;; bekannte Fehler sind 5xx, 429, drop, truncate und latency.</translation>
    </message>
    <message>
        <source>Fault fractions 5xx, 429, drop and truncate add up to %1; together they must not exceed 1.</source>
        <translation>Die Fehleranteile 5xx, 429, drop und truncate ergeben zusammen %1; ihre Summe darf 1 nicht überschreiten.</translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::restcomm</name>
    <message>
        <source>broken percent-encoding &quot;%1&quot;</source>
        <translation>fehlerhafte Prozentkodierung &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::telnyx</name>
    <message>
        <source>Parameter %1 must be an integer of at least 1, got &quot;%2&quot;.</source>
        <translation>Der Parameter %1 muss eine Ganzzahl ab 1 sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Parameter %1 must be an integer from 1 to %2, got &quot;%3&quot;.</source>
        <translation>Der Parameter %1 muss eine Ganzzahl von 1 bis %2 sein, erhalten: &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at byte %2.</source>
        <translation>Der Anfragetext ist kein gültiges JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Der Anfragetext muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>%1 must be an object, got %2.</source>
        <translation>%1 muss ein Objekt sein, erhalten: %2.</translation>
    </message>
    <message>
        <source>%1/%2 is required.</source>
        <translation>%1/%2 ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation>Unbekanntes Feld %1.</translation>
    </message>
    <message>
        <source>%1 must be an array, got %2.</source>
        <translation>%1 muss ein Array sein, erhalten: %2.</translation>
    </message>
    <message>
        <source>%1 must not be null.</source>
        <translation>%1 darf nicht null sein.</translation>
    </message>
    <message>
        <source>%1 must be %2, got %3.</source>
        <translation>%1 muss %2 sein, erhalten: %3.</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>%1 must be a UUID, got &quot;%2&quot;.</source>
        <translation>%1 muss eine UUID sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 must be an ISO 8601 date-time such as 2026-03-02T09:00:00Z, got &quot;%2&quot;.</source>
        <translation>%1 muss ein Zeitpunkt nach ISO 8601 wie 2026-03-02T09:00:00Z sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 must be an http(s) URL, got &quot;%2&quot;.</source>
        <translation>%1 muss eine http(s)-URL sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 must be a phone number in +E.164 format, got &quot;%2&quot;.</source>
        <translation>%1 muss eine Rufnummer im Format +E.164 sein, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 must be one of %2, got &quot;%3&quot;.</source>
        <translation>%1 muss einer der Werte %2 sein, erhalten: &quot;%3&quot;.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Distributed under the %1 licence, without any warranty.</source>
        <translation>Veröffentlicht unter der Lizenz %1, ohne jegliche Gewährleistung.</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>Erstellt mit Qt %1.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, ausgeführt mit Qt %2.</translation>
    </message>
    <message>
        <source>Phone numbers are parsed and validated with Google&apos;s libphonenumber (Apache License 2.0). Provider secrets are kept in the system keychain through QtKeychain.</source>
        <translation>Rufnummern werden mit Googles libphonenumber (Apache License 2.0) eingelesen und geprüft. Zugangsdaten der Anbieter liegen über QtKeychain im Schlüsselbund des Systems.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::AccountDetailsPanel</name>
    <message>
        <source>billed daily</source>
        <translation>tägliche Abrechnung</translation>
    </message>
    <message>
        <source>billed every %1 days</source>
        <translation>Abrechnung alle %1 Tage</translation>
    </message>
    <message>
        <source>billed monthly</source>
        <translation>monatliche Abrechnung</translation>
    </message>
    <message>
        <source>billed every %1 months</source>
        <translation>Abrechnung alle %1 Monate</translation>
    </message>
    <message>
        <source>billed yearly</source>
        <translation>jährliche Abrechnung</translation>
    </message>
    <message>
        <source>billed every %1 years</source>
        <translation>Abrechnung alle %1 Jahre</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(%2)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(%2)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(%2 edition)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(Edition %2)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Not included: %1</source>
        <translation>Nicht enthalten: %1</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>RingCentral account %1</source>
        <translation>RingCentral-Konto %1</translation>
    </message>
    <message>
        <source>Main number</source>
        <translation>Hauptrufnummer</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>Servicetarif</translation>
    </message>
    <message>
        <source>Billing plan</source>
        <translation>Abrechnungstarif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Vermittlung</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Business address</source>
        <translation>Geschäftsadresse</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::AccountOverview</name>
    <message>
        <source>Main number %1</source>
        <translation>Hauptrufnummer %1</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Tarif: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Betreiber: %1</translation>
    </message>
    <message>
        <source>No provider account yet</source>
        <translation>Noch kein Anbieterkonto</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 Konto</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 Konten</translation>
    </message>
    <message>
        <source>Account details appear after the first sync</source>
        <translation>Kontodetails erscheinen nach der ersten Synchronisierung</translation>
    </message>
    <message>
        <source>Billing: %1</source>
        <translation>Abrechnung: %1</translation>
    </message>
    <message>
        <source>Click for these details in a panel you can copy from.</source>
        <translation>Klicken Sie, um diese Details in einem Bereich anzuzeigen, aus dem Sie kopieren können.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ActivationRangeBar</name>
    <message>
        <source>Activation ranges</source>
        <translation>Aktivierungsbereiche</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Extensions %1 to %2. Active: %3. Cursor on %4; Space switches it on or off.</source>
        <translation>Durchwahlen %1 bis %2. Aktiv: %3. Cursor auf %4; die Leertaste schaltet sie ein oder aus.</translation>
    </message>
    <message>
        <source>Drag over empty space to add a range, drag an edge to resize it, click a range to remove it. Arrow keys and Space work too.</source>
        <translation>Über freie Fläche ziehen fügt einen Bereich hinzu, an einer Kante ziehen ändert seine Größe, ein Klick auf einen Bereich entfernt ihn. Pfeiltasten und Leertaste funktionieren auch.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ActivationRangesModel</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::AddNumberDialog</name>
    <message>
        <source>U.S. local number, by area code</source>
        <translation>US-Ortsnetznummer, nach Vorwahl</translation>
    </message>
    <message>
        <source>Global number, by country</source>
        <translation>Internationale Rufnummer, nach Land</translation>
    </message>
    <message>
        <source>Toll-free number, by prefix</source>
        <translation>Gebührenfreie Rufnummer, nach Präfix</translation>
    </message>
    <message>
        <source>Vanity toll-free number, by pattern</source>
        <translation>Gebührenfreie Wunschrufnummer, nach Muster</translation>
    </message>
    <message>
        <source>SIP virtual number</source>
        <translation>Virtuelle SIP-Rufnummer</translation>
    </message>
    <message>
        <source>Add a number to %1</source>
        <translation>Rufnummer zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Stage number</source>
        <translation>Rufnummer vormerken</translation>
    </message>
    <message>
        <source>Area code:</source>
        <translation>Vorwahl:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Präfix:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>SIP number:</source>
        <translation>SIP-Rufnummer:</translation>
    </message>
    <message>
        <source>A SIP virtual number is created in Restcomm only; no carrier number is bought.</source>
        <translation>Eine virtuelle SIP-Rufnummer wird nur in Restcomm angelegt; es wird keine Rufnummer bei einem Netzbetreiber gekauft.</translation>
    </message>
    <message>
        <source>Area code must be 3 digits and not start with 0 or 1.</source>
        <translation>Die Vorwahl muss aus 3 Ziffern bestehen und darf nicht mit 0 oder 1 beginnen.</translation>
    </message>
    <message>
        <source>Country must be a two-letter ISO code such as GB.</source>
        <translation>Das Land muss ein zweistelliger ISO-Code wie GB sein.</translation>
    </message>
    <message>
        <source>Pattern must not be empty.</source>
        <translation>Das Muster darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Pattern may contain only letters, digits and *.</source>
        <translation>Das Muster darf nur Buchstaben, Ziffern und * enthalten.</translation>
    </message>
    <message>
        <source>Pattern must be at most 10 characters (a U.S. number has 10 digits).</source>
        <translation>Das Muster darf höchstens 10 Zeichen lang sein (eine US-Rufnummer hat 10 Ziffern).</translation>
    </message>
    <message>
        <source>SIP number must not be empty.</source>
        <translation>Die SIP-Rufnummer darf nicht leer sein.</translation>
    </message>
    <message>
        <source>SIP number must not contain spaces.</source>
        <translation>Die SIP-Rufnummer darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>SIP number must be at most 30 characters.</source>
        <translation>Die SIP-Rufnummer darf höchstens 30 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Friendly name must be at most %1 characters.</source>
        <translation>Der Anzeigename darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Search, then choose one of the available numbers.</source>
        <translation>Suchen Sie und wählen Sie dann eine der verfügbaren Rufnummern.</translation>
    </message>
    <message>
        <source>Searching available numbers…</source>
        <translation>Verfügbare Rufnummern werden gesucht…</translation>
    </message>
    <message>
        <source>Search failed.</source>
        <translation>Suche fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>The provider gave no answer.</source>
        <translation>Der Anbieter hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>MMS</source>
        <translation>MMS</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>%1   (%2)</source>
        <translation>%1   (%2)</translation>
    </message>
    <message>
        <source>No numbers are available for this search.</source>
        <translation>Für diese Suche sind keine Rufnummern verfügbar.</translation>
    </message>
    <message>
        <source>1 number available.</source>
        <translation>1 Rufnummer verfügbar.</translation>
    </message>
    <message>
        <source>%1 numbers available.</source>
        <translation>%1 Rufnummern verfügbar.</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open the %1 admin portal</source>
        <translation>Admin-Portal von %1 öffnen</translation>
    </message>
    <message>
        <source>e.g. 800FLOWERS</source>
        <translation>z. B. 800FLOWERS</translation>
    </message>
    <message>
        <source>e.g. 800FLOWERS or 888*BIZ</source>
        <translation>z. B. 800FLOWERS oder 888*BIZ</translation>
    </message>
    <message>
        <source>A toll-free prefix, then letters as on a phone keypad or digits. The number starts with the pattern.</source>
        <translation>Eine gebührenfreie Vorwahl, dann Buchstaben wie auf einer Telefontastatur oder Ziffern. Die Rufnummer beginnt mit dem Muster.</translation>
    </message>
    <message>
        <source>Letters as on a phone keypad, digits, and * for any one digit. The number starts with the pattern.</source>
        <translation>Buchstaben wie auf einer Telefontastatur, Ziffern und * für eine beliebige Ziffer. Die Rufnummer beginnt mit dem Muster.</translation>
    </message>
    <message>
        <source>Numbers are searched live at %1. The chosen number is bought when pending changes are applied.</source>
        <translation>Rufnummern werden live bei %1 gesucht. Die gewählte Rufnummer wird gekauft, wenn vorgemerkte Änderungen angewendet werden.</translation>
    </message>
    <message>
        <source>Pattern may contain only letters and digits.</source>
        <translation>Das Muster darf nur Buchstaben und Ziffern enthalten.</translation>
    </message>
    <message>
        <source>Pattern must start with a toll-free prefix: %1.</source>
        <translation>Das Muster muss mit einer gebührenfreien Vorwahl beginnen: %1.</translation>
    </message>
    <message>
        <source>Pattern needs at least one letter or digit after the prefix.</source>
        <translation>Das Muster benötigt nach der Vorwahl mindestens einen Buchstaben oder eine Ziffer.</translation>
    </message>
    <message>
        <source>%1 numbers are not bought through its API.</source>
        <translation>Rufnummern von %1 werden nicht über die API des Anbieters gekauft.</translation>
    </message>
    <message>
        <source>RingCentral&apos;s API offers no way to buy a number. Add U.S. local, global, toll-free and vanity numbers in the RingCentral admin portal (Phone System → Phone Numbers → Add Numbers); the next sync brings them here.</source>
        <translation>Die API von RingCentral bietet keine Möglichkeit, eine Rufnummer zu kaufen. Fügen Sie lokale US-Rufnummern sowie globale, gebührenfreie und Vanity-Nummern im RingCentral-Admin-Portal hinzu (Phone System → Phone Numbers → Add Numbers); die nächste Synchronisierung holt sie hierher.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::AppSession</name>
    <message>
        <source>Welcome to Trunkline</source>
        <translation>Willkommen bei Trunkline</translation>
    </message>
    <message>
        <source>There is no provider account yet. Open the demo office?</source>
        <translation>Es gibt noch kein Anbieterkonto. Das Demo-Büro öffnen?</translation>
    </message>
    <message>
        <source>The demo office runs on this computer with made-up numbers and extensions at RingCentral, Telnyx and Restcomm, so you can look around before you add your own account. Nothing leaves this computer.</source>
        <translation>Das Demo-Büro läuft auf diesem Computer mit erfundenen Rufnummern und Nebenstellen bei RingCentral, Telnyx und Restcomm, sodass Sie sich umsehen können, bevor Sie Ihr eigenes Konto hinzufügen. Es verlassen keine Daten diesen Computer.</translation>
    </message>
    <message>
        <source>Open the demo office</source>
        <translation>Demo-Büro öffnen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Fetch every profile&apos;s data and apply the pending changes (F5)</source>
        <translation>Die Daten aller Profile abrufen und die ausstehenden Änderungen übernehmen (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Synchronisierung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Open the &amp;demo office</source>
        <translation>&amp;Demo-Büro öffnen</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Demo office</source>
        <translation>Demo-Büro</translation>
    </message>
    <message>
        <source>Staged changes waiting to be applied: %1. See Pending changes (Ctrl+5).</source>
        <translation>Vorgemerkte Änderungen, die auf die Übertragung warten: %1. Siehe Ausstehende Änderungen (Strg+5).</translation>
    </message>
    <message>
        <source>Add your own account…</source>
        <translation>Eigenes Konto hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Prüfen…</translation>
    </message>
    <message>
        <source>Open the Pending changes page (Ctrl+5)</source>
        <translation>Seite „Vorgemerkte Änderungen“ öffnen (Strg+5)</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Add, edit, test, rename and remove provider accounts (Ctrl+Shift+A)</source>
        <translation>Anbieterkonten hinzufügen, bearbeiten, testen, umbenennen und entfernen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Quit Trunkline</source>
        <translation>Trunkline beenden</translation>
    </message>
    <message>
        <source>An account form is still open in the Accounts dialog. Quit and discard what it holds?</source>
        <translation>Im Dialog „Konten“ ist noch ein Kontoformular geöffnet. Beenden und seinen Inhalt verwerfen?</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::AuditLogPage</name>
    <message>
        <source>The newest %1 entries</source>
        <translation>Die neuesten %1 Einträge</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>Alle Profile</translation>
    </message>
    <message>
        <source>Sync of a profile</source>
        <translation>Synchronisierung eines Profils</translation>
    </message>
    <message>
        <source>Any record</source>
        <translation>Beliebiger Datensatz</translation>
    </message>
    <message>
        <source>“From” is after “To”: pick a From day on or before the To day.</source>
        <translation>„Von“ liegt nach „Bis“: Wählen Sie als „Von“ einen Tag am oder vor dem „Bis“-Tag.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ChangeApproval</name>
    <message>
        <source>A sync is running; approve when it has finished.</source>
        <translation>Eine Synchronisierung läuft; geben Sie frei, sobald sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>You can approve only open changes that someone else staged and nobody has approved yet; the author of a change cannot approve it.</source>
        <translation>Sie können nur offene Änderungen freigeben, die jemand anderes vorgemerkt und noch niemand freigegeben hat; der Urheber einer Änderung kann sie nicht freigeben.</translation>
    </message>
    <message>
        <source>Approve the selected changes as %1, so that they can be applied when four-eyes approval is on (Ctrl+Shift+V)</source>
        <translation>Die ausgewählten Änderungen als %1 freigeben, damit sie angewendet werden können, wenn die Vier-Augen-Freigabe eingeschaltet ist (Strg+Umschalt+V)</translation>
    </message>
    <message>
        <source>Approve changes</source>
        <translation>Änderungen freigeben</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Freigeben</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ConflictDialog</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Neither side changed this field.</source>
        <translation>Keine Seite hat dieses Feld geändert.</translation>
    </message>
    <message>
        <source>Only you changed this field.</source>
        <translation>Nur Sie haben dieses Feld geändert.</translation>
    </message>
    <message>
        <source>Only the provider’s side changed this field.</source>
        <translation>Nur die Seite des Anbieters hat dieses Feld geändert.</translation>
    </message>
    <message>
        <source>Both sides changed this field to the same value.</source>
        <translation>Beide Seiten haben dieses Feld auf denselben Wert geändert.</translation>
    </message>
    <message>
        <source>Both sides changed this field differently: choose which value to keep.</source>
        <translation>Beide Seiten haben dieses Feld unterschiedlich geändert: Wählen Sie, welcher Wert beibehalten wird.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Konflikt auflösen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2: changed at the provider since you edited it</source>
        <translation>%1 %2: seit Ihrer Bearbeitung beim Anbieter geändert</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <source>Choose Mine or Theirs for %1 to apply the merge.</source>
        <translation>Wählen Sie für %1 „Meine“ oder „Deren“, um die Zusammenführung anzuwenden.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ConnectionTest</name>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Sign-in at %1 failed: %2</source>
        <translation>Anmeldung bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Signed in at %1.</source>
        <translation>Bei %1 angemeldet.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Missing app permission “%1”: needed for %2. Ask whoever set up the app at %3 to grant it.</source>
        <translation>Fehlende App-Berechtigung „%1“: Sie wird zum %2 benötigt. Bitten Sie die Person, die die App bei %3 eingerichtet hat, sie zu erteilen.</translation>
    </message>
    <message>
        <source>Every app permission Trunkline uses is granted (%1).</source>
        <translation>Alle App-Berechtigungen, die Trunkline verwendet, sind erteilt (%1).</translation>
    </message>
    <message>
        <source>Can list numbers.</source>
        <translation>Rufnummern können aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot list numbers:</source>
        <translation>Rufnummern können nicht aufgelistet werden:</translation>
    </message>
    <message>
        <source>Can read the account.</source>
        <translation>Das Konto kann gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the account:</source>
        <translation>Das Konto kann nicht gelesen werden:</translation>
    </message>
    <message>
        <source>Can list extensions.</source>
        <translation>Nebenstellen können aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot list extensions:</source>
        <translation>Nebenstellen können nicht aufgelistet werden:</translation>
    </message>
    <message>
        <source>reading the account, its numbers and extensions</source>
        <translation>Lesen des Kontos, seiner Rufnummern und Nebenstellen</translation>
    </message>
    <message>
        <source>applying changes to extensions, forwarding numbers and call handling</source>
        <translation>Anwenden von Änderungen an Nebenstellen, Weiterleitungsnummern und Anrufbehandlung</translation>
    </message>
    <message>
        <source>creating and deleting extensions and assigning numbers</source>
        <translation>Anlegen und Löschen von Nebenstellen und Zuweisen von Rufnummern</translation>
    </message>
    <message>
        <source>Can list porting orders.</source>
        <translation>Portierungsaufträge können aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot list porting orders:</source>
        <translation>Portierungsaufträge können nicht aufgelistet werden:</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::DraftOrderPanel</name>
    <message>
        <source>Save the LOA template</source>
        <translation>Vorlage der Portierungsvollmacht speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Download LOA &amp;template…</source>
        <translation>&amp;Vorlage der Portierungsvollmacht herunterladen…</translation>
    </message>
    <message>
        <source>There is no connection to a provider here: nothing is sent, the order is only checked and kept on this computer.</source>
        <translation>Hier besteht keine Verbindung zu einem Anbieter: Es wird nichts gesendet, der Auftrag wird nur geprüft und auf diesem Computer aufbewahrt.</translation>
    </message>
    <message>
        <source>Creating the draft order at %1 with the route number %2 only…</source>
        <translation>Der Auftragsentwurf wird bei %1 nur mit der Stammnummer %2 angelegt…</translation>
    </message>
    <message>
        <source>Draft order %1 at %2, status %3. It holds the route number only; the details below, the documents and the extensions are sent when you submit it.</source>
        <translation>Auftragsentwurf %1 bei %2, Status %3. Er enthält nur die Stammnummer; die Angaben unten, die Unterlagen und die Durchwahlen werden beim Einreichen gesendet.</translation>
    </message>
    <message>
        <source>The draft order was not created.</source>
        <translation>Der Auftragsentwurf wurde nicht angelegt.</translation>
    </message>
    <message>
        <source>The letter of authorisation for this order, to be signed by the end user and chosen below as the LOA.</source>
        <translation>Die Portierungsvollmacht für diesen Auftrag: vom Endkunden zu unterschreiben und unten als Vollmacht auszuwählen.</translation>
    </message>
    <message>
        <source>There is a template once the draft order exists.</source>
        <translation>Eine Vorlage gibt es, sobald der Auftragsentwurf angelegt ist.</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>The template was not downloaded: %1</source>
        <translation>Die Vorlage wurde nicht heruntergeladen: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::EditNumberDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit number %1</source>
        <translation>Rufnummer %1 bearbeiten</translation>
    </message>
    <message>
        <source>Saving stages the changes; they reach the provider when pending changes are applied.</source>
        <translation>Beim Speichern werden die Änderungen vorgemerkt; sie gelangen zum Anbieter, wenn die ausstehenden Änderungen übernommen werden.</translation>
    </message>
    <message>
        <source>&amp;Friendly name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Not assigned (company number)</source>
        <translation>Nicht zugewiesen (Firmenrufnummer)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 must be an http or https URL.</source>
        <translation>%1 muss eine http- oder https-URL sein.</translation>
    </message>
    <message>
        <source>%1 must be 34 letters and digits (a Restcomm SID such as AP…).</source>
        <translation>%1 muss aus 34 Buchstaben und Ziffern bestehen (eine Restcomm-SID wie AP…).</translation>
    </message>
    <message>
        <source>Friendly name must be at most %1 characters.</source>
        <translation>Der Anzeigename darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Assigned to must be one of the profile&apos;s extensions or &quot;Not assigned&quot;.</source>
        <translation>&quot;Zugewiesen an&quot; muss eine der Nebenstellen des Profils oder &quot;Nicht zugewiesen&quot; sein.</translation>
    </message>
    <message>
        <source>RingCentral&apos;s API keeps a number&apos;s label and assignment read-only: the change is staged, but applying it fails. Change it in the RingCentral admin portal.</source>
        <translation>Die RingCentral-API erlaubt keine Änderung von Bezeichnung und Zuordnung einer Rufnummer: Die Änderung wird vorgemerkt, aber das Übernehmen schlägt fehl. Ändern Sie sie im RingCentral-Verwaltungsportal.</translation>
    </message>
    <message>
        <source>Application “%1”</source>
        <translation>Anwendung „%1“</translation>
    </message>
    <message>
        <source>Trunkline buys Telnyx numbers but does not change them: the change is staged, but applying it fails. Change the number in the Telnyx portal.</source>
        <translation>Trunkline kauft Telnyx-Rufnummern, ändert sie aber nicht: Die Änderung wird vorgemerkt, ihr Anwenden schlägt jedoch fehl. Ändern Sie die Rufnummer im Telnyx-Portal.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ExtensionCallSettingsWidget</name>
    <message>
        <source>Ring the forwarding list (forward calls)</source>
        <translation>Weiterleitungsliste anrufen (Anrufe weiterleiten)</translation>
    </message>
    <message>
        <source>Forward every call to a phone number</source>
        <translation>Jeden Anruf an eine Rufnummer weiterleiten</translation>
    </message>
    <message>
        <source>Transfer to another extension (IVR menu, application)</source>
        <translation>An eine andere Nebenstelle durchstellen (IVR-Menü, Anwendung)</translation>
    </message>
    <message>
        <source>Voicemail only (take messages)</source>
        <translation>Nur Voicemail (Nachrichten aufnehmen)</translation>
    </message>
    <message>
        <source>%1 (as set at the provider)</source>
        <translation>%1 (wie beim Anbieter eingestellt)</translation>
    </message>
    <message>
        <source>Choose an extension</source>
        <translation>Nebenstelle auswählen</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Extension %1</source>
        <translation>Nebenstelle %1</translation>
    </message>
    <message>
        <source>Nothing (caller ID blocked)</source>
        <translation>Keine (Anrufer-ID unterdrückt)</translation>
    </message>
    <message>
        <source>%1 (this extension&apos;s number)</source>
        <translation>%1 (Nummer dieser Nebenstelle)</translation>
    </message>
    <message>
        <source>%1 (company number)</source>
        <translation>%1 (Firmenrufnummer)</translation>
    </message>
    <message>
        <source>The caller&apos;s current location</source>
        <translation>Aktueller Standort des Anrufers</translation>
    </message>
    <message>
        <source>Not fetched yet: opening the extension fetches them.</source>
        <translation>Noch nicht abgerufen: Die Einstellungen werden beim Öffnen der Nebenstelle abgerufen.</translation>
    </message>
    <message>
        <source>Choose an extension to see its call settings.</source>
        <translation>Wählen Sie eine Nebenstelle aus, um ihre Anrufeinstellungen zu sehen.</translation>
    </message>
    <message>
        <source>Not fetched yet: %1. Opening the extension fetches them.</source>
        <translation>Noch nicht abgerufen: %1. Die Einstellungen werden beim Öffnen der Nebenstelle abgerufen.</translation>
    </message>
    <message>
        <source>Fetched from the provider %1.</source>
        <translation>Vom Anbieter abgerufen: %1.</translation>
    </message>
    <message>
        <source>Shows changes staged but not applied yet.</source>
        <translation>Zeigt vorgemerkte, noch nicht übernommene Änderungen.</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Calls ring the extension&apos;s phones and forwarding list (edit the list under Forwarding).</source>
        <translation>Anrufe klingeln auf den Telefonen der Nebenstelle und bei der Weiterleitungsliste (die Liste bearbeiten Sie unter Weiterleitung).</translation>
    </message>
    <message>
        <source>Every call goes straight to the number below; the extension&apos;s phones do not ring.</source>
        <translation>Jeder Anruf geht direkt an die unten angegebene Rufnummer; die Telefone der Nebenstelle klingeln nicht.</translation>
    </message>
    <message>
        <source>Every call goes to the chosen extension, e.g. an IVR menu or an application.</source>
        <translation>Jeder Anruf geht an die gewählte Nebenstelle, z. B. ein IVR-Menü oder eine Anwendung.</translation>
    </message>
    <message>
        <source>Callers can only leave a voicemail.</source>
        <translation>Anrufer können nur eine Voicemail hinterlassen.</translation>
    </message>
    <message>
        <source>Forward to: enter the phone number that every call is forwarded to.</source>
        <translation>Weiterleiten an: Geben Sie die Rufnummer ein, an die jeder Anruf weitergeleitet wird.</translation>
    </message>
    <message>
        <source>Forward to: %1</source>
        <translation>Weiterleiten an: %1</translation>
    </message>
    <message>
        <source>Transfer to: choose the extension that takes the calls.</source>
        <translation>Durchstellen an: Wählen Sie die Nebenstelle, die die Anrufe annimmt.</translation>
    </message>
    <message>
        <source>E-mail addresses: &quot;%1&quot; is not an e-mail address (name@example.com).</source>
        <translation>E-Mail-Adressen: &quot;%1&quot; ist keine E-Mail-Adresse (name@example.com).</translation>
    </message>
    <message>
        <source>E-mail addresses: enter at least one address; the extension&apos;s managers are not notified instead.</source>
        <translation>E-Mail-Adressen: Geben Sie mindestens eine Adresse ein; eine ersatzweise Benachrichtigung der Verwalter der Nebenstelle erfolgt nicht.</translation>
    </message>
    <message>
        <source>Where notifications are sent; separate several addresses with commas.</source>
        <translation>Empfänger der Benachrichtigungen; trennen Sie mehrere Adressen durch Kommas.</translation>
    </message>
    <message>
        <source>anna@example.com, office@example.com</source>
        <translation>anna@example.com, buero@example.com</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>The call settings were not staged: %1 The form now shows what is staged, with your edits kept; save again to stage them.</source>
        <translation>Die Anrufeinstellungen wurden nicht vorgemerkt: %1 Das Formular zeigt jetzt, was vorgemerkt ist, und behält Ihre Änderungen; speichern Sie erneut, um sie vorzumerken.</translation>
    </message>
    <message>
        <source>Edit the call settings</source>
        <translation>Anrufeinstellungen bearbeiten</translation>
    </message>
    <message>
        <source>No after-hours rule</source>
        <translation>Keine Regel für außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>Go to application (IVR menu, call queue, application extension)</source>
        <translation>An Anwendung weiterleiten (IVR-Menü, Warteschlange, Anwendungsnebenstelle)</translation>
    </message>
    <message>
        <source>Play an announcement only</source>
        <translation>Nur eine Ansage abspielen</translation>
    </message>
    <message>
        <source>Not fetched yet: opening the extension fetches it.</source>
        <translation>Noch nicht abgerufen: Wird beim Öffnen der Nebenstelle abgerufen.</translation>
    </message>
    <message>
        <source>This extension has no after-hours rule: its business hours are 24/7, so every call is handled as during business hours.</source>
        <translation>Diese Nebenstelle hat keine Regel außerhalb der Geschäftszeiten: Ihre Geschäftszeiten gelten rund um die Uhr, daher wird jeder Anruf wie während der Geschäftszeiten behandelt.</translation>
    </message>
    <message>
        <source>Applies outside the extension&apos;s business hours.</source>
        <translation>Gilt außerhalb der Geschäftszeiten der Nebenstelle.</translation>
    </message>
    <message>
        <source>Read only: when it applies. RingCentral&apos;s after-hours rule follows the business hours and cannot have caller or called-number conditions; use a custom rule for those.</source>
        <translation>Schreibgeschützt: wann sie gilt. Die Regel von RingCentral für außerhalb der Geschäftszeiten folgt den Geschäftszeiten und kann keine Bedingungen für Anrufer oder angerufene Rufnummern haben; verwenden Sie dafür eine benutzerdefinierte Regel.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No custom rules: calls follow the business-hours and after-hours rules.</source>
        <translation>Keine benutzerdefinierten Regeln: Anrufe folgen den Regeln für die Geschäftszeiten und für außerhalb der Geschäftszeiten.</translation>
    </message>
    <message>
        <source>Read only here: custom rules are listed so that you see which calls they take before the rules above; the console does not edit them yet, so change them in RingCentral&apos;s admin portal.</source>
        <translation>Hier nur lesbar: Eigene Regeln werden aufgeführt, damit Sie sehen, welche Anrufe sie vor den obigen Regeln übernehmen; die Konsole kann sie noch nicht bearbeiten, ändern Sie sie daher im Admin-Portal von RingCentral.</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>After hours</source>
        <translation>Außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Not fetched yet: the greetings come with the answering rules.</source>
        <translation>Noch nicht abgerufen: Die Ansagen werden mit den Anrufregeln geladen.</translation>
    </message>
    <message>
        <source>Read only: a custom greeting is a recording uploaded as audio, which the console does not do; record or upload greetings in RingCentral&apos;s admin portal.</source>
        <translation>Schreibgeschützt: Eine benutzerdefinierte Ansage ist eine als Audiodatei hochgeladene Aufnahme, was die Konsole nicht unterstützt; nehmen Sie Ansagen im Admin-Portal von RingCentral auf oder laden Sie sie dort hoch.</translation>
    </message>
    <message>
        <source>Only numbers with the CallerId feature can be shown as caller ID; a number&apos;s features are read with the details of an extension that may use it.</source>
        <translation>Nur Rufnummern mit der Funktion CallerId können als Anrufer-ID angezeigt werden; die Funktionen einer Rufnummer werden mit den Details einer Nebenstelle gelesen, die sie verwenden darf.</translation>
    </message>
    <message>
        <source>No after-hours rule: the business hours are 24/7. Set business hours in RingCentral&apos;s admin portal to get one.</source>
        <translation>Keine Regel außerhalb der Geschäftszeiten: Die Geschäftszeiten gelten rund um die Uhr. Legen Sie im Admin-Portal von RingCentral Geschäftszeiten fest, um eine zu erhalten.</translation>
    </message>
    <message>
        <source>After hours, calls ring the extension&apos;s phones and forwarding list.</source>
        <translation>Außerhalb der Geschäftszeiten klingeln Anrufe auf den Telefonen und der Weiterleitungsliste der Nebenstelle.</translation>
    </message>
    <message>
        <source>After hours, every call goes straight to the number below.</source>
        <translation>Außerhalb der Geschäftszeiten geht jeder Anruf direkt an die unten stehende Rufnummer.</translation>
    </message>
    <message>
        <source>After hours, every call goes to the chosen application: an IVR menu, a call queue or an application extension of the account.</source>
        <translation>Außerhalb der Geschäftszeiten geht jeder Anruf an die gewählte Anwendung: ein IVR-Menü, eine Warteschlange oder eine Anwendungsnebenstelle des Kontos.</translation>
    </message>
    <message>
        <source>After hours, callers can only leave a voicemail.</source>
        <translation>Außerhalb der Geschäftszeiten können Anrufer nur eine Voicemail hinterlassen.</translation>
    </message>
    <message>
        <source>After hours, callers hear the announcement greeting and the call ends.</source>
        <translation>Außerhalb der Geschäftszeiten hören Anrufer die Ankündigungsansage, danach wird der Anruf beendet.</translation>
    </message>
    <message>
        <source>Application: choose the IVR menu, call queue or application that takes the calls after hours.</source>
        <translation>Anwendung: Wählen Sie das IVR-Menü, die Warteschlange oder die Anwendung, die die Anrufe außerhalb der Geschäftszeiten entgegennimmt.</translation>
    </message>
    <message>
        <source>After hours: %1</source>
        <translation>Außerhalb der Geschäftszeiten: %1</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ExtensionCreateDialog</name>
    <message>
        <source>&amp;Stage extension</source>
        <translation>Nebenstelle vor&amp;merken</translation>
    </message>
    <message>
        <source>Profile: no RingCentral profile whose signed-in user may create extensions.</source>
        <translation>Profil: kein RingCentral-Profil, dessen angemeldeter Benutzer Nebenstellen anlegen darf.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ExtensionEditor</name>
    <message>
        <source>Account&apos;s time zone</source>
        <translation>Zeitzone des Kontos</translation>
    </message>
    <message>
        <source>The extension is staged for deletion.</source>
        <translation>Die Nebenstelle ist zum Löschen vorgemerkt.</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Keine Rufnummer</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No extension selected</source>
        <translation>Keine Nebenstelle ausgewählt</translation>
    </message>
    <message>
        <source>Choose an extension in the list to see and edit its settings.</source>
        <translation>Wählen Sie eine Nebenstelle in der Liste aus, um ihre Einstellungen zu sehen und zu bearbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) broken; the messages beside the fields say what to change.</source>
        <translation>
            <numerusform>%n Regel verletzt; die Meldungen neben den Feldern sagen, was zu ändern ist.</numerusform>
            <numerusform>%n Regeln verletzt; die Meldungen neben den Feldern sagen, was zu ändern ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the marked fields to save.</source>
        <translation>Korrigieren Sie die markierten Felder, um zu speichern.</translation>
    </message>
    <message>
        <source>Stage the edits as pending changes (Ctrl+S); they reach the provider with the next sync</source>
        <translation>Die Änderungen als ausstehende Änderungen vormerken (Strg+S); sie werden bei der nächsten Synchronisierung an den Anbieter übertragen</translation>
    </message>
    <message>
        <source>This extension is staged for deletion; the deletion reaches RingCentral with the next sync.</source>
        <translation>Diese Nebenstelle ist zum Löschen vorgemerkt; die Löschung wird bei der nächsten Synchronisierung an RingCentral übertragen.</translation>
    </message>
    <message>
        <source>Edits to this extension are staged and not applied yet; the form shows them. Saving again replaces them.</source>
        <translation>Änderungen an dieser Nebenstelle sind vorgemerkt und noch nicht übernommen; das Formular zeigt sie an. Erneutes Speichern ersetzt sie.</translation>
    </message>
    <message>
        <source>No extension is selected.</source>
        <translation>Es ist keine Nebenstelle ausgewählt.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Nothing to save: the form has no edits.</source>
        <translation>Nichts zu speichern: Das Formular enthält keine Änderungen.</translation>
    </message>
    <message>
        <source>Staged %1 for extension %2; it is sent to the provider with the next sync.</source>
        <translation>%1 für Nebenstelle %2 vorgemerkt; die Übertragung an den Anbieter erfolgt bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>%n forwarding change(s)</source>
        <translation>
            <numerusform>%n Weiterleitungsänderung</numerusform>
            <numerusform>%n Weiterleitungsänderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>the call settings</source>
        <translation>die Anrufeinstellungen</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Built from the first and last name (Contact tab).</source>
        <translation>Aus Vor- und Nachname gebildet (Reiter „Kontakt“).</translation>
    </message>
    <message>
        <source>Not saved: %1 The form now shows what is staged, with your edits kept; save again to stage them.</source>
        <translation>Nicht gespeichert: %1 Das Formular zeigt jetzt, was vorgemerkt ist, und behält Ihre Änderungen; speichern Sie erneut, um sie vorzumerken.</translation>
    </message>
    <message>
        <source>Edit extension %1</source>
        <translation>Nebenstelle %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit the forwarding list of %1</source>
        <translation>Weiterleitungsliste von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit the call settings of %1</source>
        <translation>Anrufeinstellungen von %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ExtensionsPage</name>
    <message>
        <source>&amp;New extension…</source>
        <translation>&amp;Neue Nebenstelle…</translation>
    </message>
    <message>
        <source>&amp;Delete extension…</source>
        <translation>Nebenstelle &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Save extension</source>
        <translation>Nebenstelle &amp;speichern</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Extension %1 is no longer in the local store; sync to update the list.</source>
        <translation>Die Nebenstelle %1 ist nicht mehr in der lokalen Kopie; synchronisieren Sie, um die Liste zu aktualisieren.</translation>
    </message>
    <message>
        <source>Extension %1 (%2) has unsaved edits. Save them as pending changes before opening another extension?</source>
        <translation>Die Nebenstelle %1 (%2) hat nicht gespeicherte Änderungen. Sollen sie als ausstehende Änderungen gespeichert werden, bevor eine andere Nebenstelle geöffnet wird?</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Not staged: %1</source>
        <translation>Nicht vorgemerkt: %1</translation>
    </message>
    <message>
        <source>Extension %1 (%2) is staged for creation; it appears in the list after the next sync.</source>
        <translation>Die Nebenstelle %1 (%2) ist zum Anlegen vorgemerkt; sie erscheint nach der nächsten Synchronisierung in der Liste.</translation>
    </message>
    <message>
        <source>Delete extension %1</source>
        <translation>Nebenstelle %1 löschen</translation>
    </message>
    <message>
        <source>Delete extension %1 (%2) at RingCentral with the next sync? Its direct numbers go back to the company&apos;s numbers, and its forwarding numbers, voicemail and settings are removed. This cannot be undone once applied.</source>
        <translation>Nebenstelle %1 (%2) bei der nächsten Synchronisierung bei RingCentral löschen? Ihre Direktrufnummern gehen an die Rufnummern der Firma zurück, und ihre Weiterleitungsnummern, Voicemail und Einstellungen werden entfernt. Nach dem Übernehmen lässt sich das nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Extension %1 (%2) is staged for deletion; it is deleted at RingCentral with the next sync.</source>
        <translation>Die Nebenstelle %1 (%2) ist zum Löschen vorgemerkt; sie wird bei der nächsten Synchronisierung bei RingCentral gelöscht.</translation>
    </message>
    <message>
        <source>Extensions exist only at RingCentral, and no RingCentral profile is set up; Telnyx and Restcomm have none.</source>
        <translation>Nebenstellen gibt es nur bei RingCentral, und es ist kein RingCentral-Profil eingerichtet; Telnyx und Restcomm haben keine.</translation>
    </message>
    <message>
        <source>Create an extension (Ctrl+N)</source>
        <translation>Eine Nebenstelle anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Select an extension to delete it.</source>
        <translation>Wählen Sie eine Nebenstelle aus, um sie zu löschen.</translation>
    </message>
    <message>
        <source>Delete the selected extension (Del)</source>
        <translation>Die ausgewählte Nebenstelle löschen (Entf)</translation>
    </message>
    <message>
        <source>Only RingCentral has extensions; the Telnyx and Restcomm profiles (%1) have none and are not listed here.</source>
        <translation>Nur RingCentral hat Nebenstellen; die Telnyx- und Restcomm-Profile (%1) haben keine und werden hier nicht aufgeführt.</translation>
    </message>
    <message>
        <source>Only RingCentral has extensions, and every profile here is a Telnyx or Restcomm profile (%1). Their numbers are on the Numbers page.</source>
        <translation>Nur RingCentral hat Nebenstellen, und alle Profile hier sind Telnyx- oder Restcomm-Profile (%1). Ihre Rufnummern finden Sie auf der Seite Rufnummern.</translation>
    </message>
    <message>
        <source>1 extension</source>
        <translation>1 Nebenstelle</translation>
    </message>
    <message>
        <source>%1 extensions</source>
        <translation>%1 Nebenstellen</translation>
    </message>
    <message>
        <source>New extension %1</source>
        <translation>Neue Nebenstelle %1</translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation>Alle Endgeräte</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ExtensionsStep</name>
    <message>
        <source>Extensions</source>
        <translation>Durchwahlen</translation>
    </message>
    <message>
        <source>Choose the block of extensions that ports with the route number and which of them are active afterwards. The three editors show the same ranges.</source>
        <translation>Wählen Sie den Durchwahlblock, der mit der Stammnummer portiert wird, und welche Durchwahlen danach aktiv sind. Die drei Editoren zeigen dieselben Bereiche.</translation>
    </message>
    <message>
        <source>Extension &amp;block:</source>
        <translation>Durchwahl&amp;block:</translation>
    </message>
    <message>
        <source>%1 to %2 (%3 numbers)</source>
        <translation>%1 bis %2 (%3 Rufnummern)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>&amp;Active ranges</source>
        <translation>&amp;Aktive Bereiche</translation>
    </message>
    <message>
        <source>A&amp;dd range</source>
        <translation>Bereich hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove range</source>
        <translation>Bereich &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Wanted numbers, one per line (+49…, 0049… or 0…)</source>
        <translation>&amp;Gewünschte Rufnummern, eine pro Zeile (+49…, 0049… oder 0…)</translation>
    </message>
    <message>
        <source>+49 201 23456 7804
0049 201 23456 7819
0201 23456-7820</source>
        <translation>+49 201 23456 7804
0049 201 23456 7819
0201 23456-7820</translation>
    </message>
    <message>
        <source>&amp;Numbers that port</source>
        <translation>&amp;Portierte Rufnummern</translation>
    </message>
    <message>
        <source>Extensions are appended to the route number %1.</source>
        <translation>Die Durchwahlen werden an die Stammnummer %1 angehängt.</translation>
    </message>
    <message>
        <source>%1 numbers port: %2 active, %3 inactive.</source>
        <translation>%1 Rufnummern werden portiert: %2 aktiv, %3 inaktiv.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ForwardingEditor</name>
    <message>
        <source>Work (Office)</source>
        <translation>Geschäftlich (Büro)</translation>
    </message>
    <message>
        <source>Other (custom label)</source>
        <translation>Sonstige (eigene Bezeichnung)</translation>
    </message>
    <message>
        <source>Set by RingCentral for desk phones and apps; it cannot be chosen.</source>
        <translation>Wird von RingCentral für Tischtelefone und Apps festgelegt; kann nicht ausgewählt werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n staged change(s) to this list are not applied yet. The list shows what the store holds; edit it again after the next sync, or discard the changes on the Pending changes page.</source>
        <translation>
            <numerusform>%n vorgemerkte Änderung an dieser Liste ist noch nicht übernommen. Die Liste zeigt den Stand der lokalen Kopie; bearbeiten Sie sie nach der nächsten Synchronisierung erneut oder verwerfen Sie die Änderungen auf der Seite Ausstehende Änderungen.</numerusform>
            <numerusform>%n vorgemerkte Änderungen an dieser Liste sind noch nicht übernommen. Die Liste zeigt den Stand der lokalen Kopie; bearbeiten Sie sie nach der nächsten Synchronisierung erneut oder verwerfen Sie die Änderungen auf der Seite Ausstehende Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers this extension forwards calls to, and its call flip list. The flip digit a caller dials follows the order of the list: drag a row or use Move up / Move down.</source>
        <translation>Rufnummern, an die diese Nebenstelle Anrufe weiterleitet, und ihre Call-Flip-Liste. Die Flip-Ziffer, die ein Anrufer wählt, folgt der Reihenfolge der Liste: Ziehen Sie eine Zeile oder verwenden Sie Nach oben / Nach unten.</translation>
    </message>
    <message numerus="yes">
        <source>The forwarding list breaks %n rule(s); the first: %1</source>
        <translation>
            <numerusform>Die Weiterleitungsliste verletzt %n Regel: %1</numerusform>
            <numerusform>Die Weiterleitungsliste verletzt %n Regeln; die erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (follows the list&apos;s order)</source>
        <translation>%1 (folgt der Reihenfolge der Liste)</translation>
    </message>
    <message>
        <source>Not in the call flip list</source>
        <translation>Nicht in der Call-Flip-Liste</translation>
    </message>
    <message>
        <source>e.g. Summer house</source>
        <translation>z. B. Ferienhaus</translation>
    </message>
    <message>
        <source>Only entries of type Other keep a custom label; this one is shown as its type.</source>
        <translation>Nur Einträge vom Typ Sonstige behalten eine eigene Bezeichnung; dieser Eintrag wird mit seinem Typ angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n other number(s) in the list break a rule (shown in red; point at them for the reason).</source>
        <translation>
            <numerusform>%n weitere Rufnummer in der Liste verletzt eine Regel (rot dargestellt; zeigen Sie mit der Maus darauf, um den Grund zu sehen).</numerusform>
            <numerusform>%n weitere Rufnummern in der Liste verletzen eine Regel (rot dargestellt; zeigen Sie mit der Maus darauf, um den Grund zu sehen).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 numbers</source>
        <translation>%1 von %2 Rufnummern</translation>
    </message>
    <message>
        <source>The list has 10 numbers, the most RingCentral allows.</source>
        <translation>Die Liste hat 10 Rufnummern, das Maximum bei RingCentral.</translation>
    </message>
    <message>
        <source>Add a forwarding number (at most 10)</source>
        <translation>Eine Weiterleitungsnummer hinzufügen (höchstens 10)</translation>
    </message>
    <message>
        <source>Remove the selected number from the list (Del)</source>
        <translation>Die ausgewählte Rufnummer aus der Liste entfernen (Entf)</translation>
    </message>
    <message>
        <source>Move the selected number up the flip order (Alt+Up)</source>
        <translation>Die ausgewählte Rufnummer in der Flip-Reihenfolge nach oben verschieben (Alt+Pfeil nach oben)</translation>
    </message>
    <message>
        <source>Move the selected number down the flip order (Alt+Down)</source>
        <translation>Die ausgewählte Rufnummer in der Flip-Reihenfolge nach unten verschieben (Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>Edit the forwarding list</source>
        <translation>Weiterleitungsliste bearbeiten</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::FourEyesAction</name>
    <message>
        <source>Four-eyes approval</source>
        <translation>Vier-Augen-Freigabe</translation>
    </message>
    <message>
        <source>Require &amp;four-eyes approval</source>
        <translation>&amp;Vier-Augen-Freigabe verlangen</translation>
    </message>
    <message>
        <source>Each pending change must be approved by someone other than its author before it is applied; the team database enforces it.</source>
        <translation>Jede vorgemerkte Änderung muss von einer anderen Person als ihrem Urheber freigegeben werden, bevor sie angewendet wird; die Team-Datenbank setzt dies durch.</translation>
    </message>
    <message>
        <source>Only the database role that owns Trunkline&apos;s tables (%1) can switch this.</source>
        <translation>Nur die Datenbankrolle, der die Tabellen von Trunkline gehören (%1), kann dies umschalten.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::HistoryDialog</name>
    <message>
        <source>As opened</source>
        <translation>Stand beim Öffnen</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::MainWindow</name>
    <message>
        <source>Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Nebenstellen</translation>
    </message>
    <message>
        <source>Port orders</source>
        <translation>Portierungsaufträge</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>Keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::MigrateNumbersDialog</name>
    <message>
        <source>&amp;Stage migration</source>
        <translation>Migration &amp;vormerken</translation>
    </message>
    <message>
        <source>Every number of account %1 and of all its sub-accounts moves to organisation %2. Incoming calls to them are then routed by that organisation&apos;s domain and its regex routes, no longer by the ones of their current organisation. Only a super admin may migrate numbers (profile “%3” signs in as %4); Restcomm refuses anyone else. The migration waits in Pending changes until you apply it.</source>
        <translation>Jede Rufnummer des Kontos %1 und aller seiner Unterkonten wechselt in die Organisation %2. Eingehende Anrufe an sie werden dann über die Domäne dieser Organisation und ihre Regex-Routen geleitet, nicht mehr über die ihrer bisherigen Organisation. Nur ein Super-Admin darf Rufnummern migrieren (Profil „%3“ meldet sich als %4 an); Restcomm weist alle anderen ab. Die Migration wartet unter „Ausstehende Änderungen“, bis Sie sie anwenden.</translation>
    </message>
    <message>
        <source>(the account)</source>
        <translation>(das Konto)</translation>
    </message>
    <message>
        <source>(the organisation)</source>
        <translation>(die Organisation)</translation>
    </message>
    <message>
        <source>an account not synced yet</source>
        <translation>ein noch nicht synchronisiertes Konto</translation>
    </message>
    <message>
        <source>Name the account to see its numbers known here.</source>
        <translation>Nennen Sie das Konto, um seine hier bekannten Rufnummern zu sehen.</translation>
    </message>
    <message>
        <source>%1 %2 (profile “%3”)</source>
        <translation>%1 %2 (Profil „%3“)</translation>
    </message>
    <message>
        <source>No number of account %1 is known on this computer (sync a profile of that account to see them). Restcomm moves whatever the account and its sub-accounts hold.</source>
        <translation>Auf diesem Computer ist keine Rufnummer des Kontos %1 bekannt (synchronisieren Sie ein Profil dieses Kontos, um sie zu sehen). Restcomm verschiebt alles, was das Konto und seine Unterkonten halten.</translation>
    </message>
    <message>
        <source>These numbers of account %1 are known on this computer and move, with those of its sub-accounts:</source>
        <translation>Diese Rufnummern des Kontos %1 sind auf diesem Computer bekannt und wechseln mit denen seiner Unterkonten:</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::NumberPreviewModel</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>After the port</source>
        <translation>Nach der Portierung</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::NumbersPage</name>
    <message>
        <source>Export numbers</source>
        <translation>Rufnummern exportieren</translation>
    </message>
    <message>
        <source>Edit label</source>
        <translation>Bezeichnung bearbeiten</translation>
    </message>
    <message>
        <source>Label of %1:</source>
        <translation>Bezeichnung von %1:</translation>
    </message>
    <message>
        <source>All usage types</source>
        <translation>Alle Nutzungsarten</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>numbers-%1.csv</source>
        <translation>rufnummern-%1.csv</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exporting numbers…</source>
        <translation>Rufnummern werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting numbers… %1 of %2</source>
        <translation>Rufnummern werden exportiert… %1 von %2</translation>
    </message>
    <message>
        <source>Company number (not assigned)</source>
        <translation>Firmenrufnummer (nicht zugewiesen)</translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; is staged; the provider still has &quot;%2&quot;.</source>
        <translation>Bezeichnung &quot;%1&quot; ist vorgemerkt; beim Anbieter ist noch &quot;%2&quot; hinterlegt.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Rufnummer kopieren</translation>
    </message>
    <message>
        <source>Edit label…</source>
        <translation>Bezeichnung bearbeiten…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the numbers shown, in the shown column order (%1)</source>
        <translation>Die angezeigten Rufnummern in der angezeigten Spaltenreihenfolge exportieren (%1)</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Auswahl exportieren…</translation>
    </message>
    <message>
        <source>Find numbers</source>
        <translation>Rufnummern suchen</translation>
    </message>
    <message>
        <source>Adding a number needs a connection to the provider, and none is set up.</source>
        <translation>Zum Hinzufügen einer Rufnummer ist eine Verbindung zum Anbieter nötig, und es ist keine eingerichtet.</translation>
    </message>
    <message>
        <source>Select a number to edit.</source>
        <translation>Wählen Sie eine Rufnummer zum Bearbeiten aus.</translation>
    </message>
    <message>
        <source>This number is staged for release; discard that change to edit it.</source>
        <translation>Diese Rufnummer ist zur Freigabe vorgemerkt; verwerfen Sie diese Änderung, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Select the numbers to release.</source>
        <translation>Wählen Sie die freizugebenden Rufnummern aus.</translation>
    </message>
    <message>
        <source>RingCentral numbers are released in the RingCentral admin portal.</source>
        <translation>RingCentral-Rufnummern werden im RingCentral-Adminportal freigegeben.</translation>
    </message>
    <message>
        <source>%1 numbers cannot be released by Trunkline.</source>
        <translation>%1-Rufnummern können nicht von Trunkline freigegeben werden.</translation>
    </message>
    <message>
        <source>The number %1</source>
        <translation>Die Rufnummer %1 wird</translation>
    </message>
    <message>
        <source>The %1 selected numbers</source>
        <translation>Die %1 ausgewählten Rufnummern werden</translation>
    </message>
    <message>
        <source>%1 will be released at %2 when pending changes are applied; a released number may be given to someone else and cannot be recovered.</source>
        <translation>%1 bei %2 freigegeben, sobald die ausstehenden Änderungen übernommen werden; eine freigegebene Rufnummer kann an andere vergeben werden und lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Add number</source>
        <translation>Rufnummer hinzufügen</translation>
    </message>
    <message>
        <source>The new number could not be staged: %1</source>
        <translation>Die neue Rufnummer konnte nicht vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>Edit number</source>
        <translation>Rufnummer bearbeiten</translation>
    </message>
    <message>
        <source>The number is no longer in the local copy.</source>
        <translation>Die Rufnummer ist nicht mehr in der lokalen Kopie.</translation>
    </message>
    <message>
        <source>The local copy has no extensions of this profile yet; sync first.</source>
        <translation>Die lokale Kopie enthält noch keine Nebenstellen dieses Profils; synchronisieren Sie zuerst.</translation>
    </message>
    <message>
        <source>%1 numbers are not assigned to extensions; they are routed by their URLs.</source>
        <translation>%1-Rufnummern werden keinen Nebenstellen zugewiesen; sie werden über ihre URLs geroutet.</translation>
    </message>
    <message>
        <source>The changes could not be staged: %1</source>
        <translation>Die Änderungen konnten nicht vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>the number is no longer shown.</source>
        <translation>die Rufnummer wird nicht mehr angezeigt.</translation>
    </message>
    <message>
        <source>Release number</source>
        <translation>Rufnummer freigeben</translation>
    </message>
    <message>
        <source>Release numbers</source>
        <translation>Rufnummern freigeben</translation>
    </message>
    <message>
        <source>Release %1 numbers</source>
        <translation>%1 Rufnummern freigeben</translation>
    </message>
    <message>
        <source>The release could not be staged: %1</source>
        <translation>Die Freigabe konnte nicht vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>1 number</source>
        <translation>1 Rufnummer</translation>
    </message>
    <message>
        <source>%1 numbers</source>
        <translation>%1 Rufnummern</translation>
    </message>
    <message>
        <source>Search and add a number (%1)</source>
        <translation>Eine Rufnummer suchen und hinzufügen (%1)</translation>
    </message>
    <message>
        <source>Edit the current number (%1)</source>
        <translation>Die aktuelle Rufnummer bearbeiten (%1)</translation>
    </message>
    <message>
        <source>Release the selected numbers (%1)</source>
        <translation>Die ausgewählten Rufnummern freigeben (%1)</translation>
    </message>
    <message>
        <source>Staged for release.</source>
        <translation>Zur Freigabe vorgemerkt.</translation>
    </message>
    <message>
        <source>Staged changes: %1.</source>
        <translation>Vorgemerkte Änderungen: %1.</translation>
    </message>
    <message>
        <source>Add number…</source>
        <translation>Rufnummer hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>The selected numbers are already staged for release.</source>
        <translation>Die ausgewählten Rufnummern sind bereits zur Freigabe vorgemerkt.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt …</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>… und %n weitere.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Releasing also means:</source>
        <translation>Die Freigabe bedeutet außerdem:</translation>
    </message>
    <message>
        <source>Numbers are ported in through a provider that takes port orders (Telnyx); add such a profile first.</source>
        <translation>Rufnummern werden über einen Anbieter portiert, der Portierungsaufträge annimmt (Telnyx); legen Sie zuerst ein solches Profil an.</translation>
    </message>
    <message>
        <source>Port a German number with its extended numbers from another carrier (opens the wizard)</source>
        <translation>Eine deutsche Rufnummer mit ihren Durchwahlnummern von einem anderen Anbieter portieren (öffnet den Assistenten)</translation>
    </message>
    <message>
        <source>Port in…</source>
        <translation>Portieren…</translation>
    </message>
    <message>
        <source>The label “%1” could not be staged: %2</source>
        <translation>Die Bezeichnung „%1“ konnte nicht vorgemerkt werden: %2</translation>
    </message>
    <message>
        <source>Add a provider account first: numbers are added to an account&apos;s profile.</source>
        <translation>Fügen Sie zuerst ein Anbieterkonto hinzu: Rufnummern werden dem Profil eines Kontos hinzugefügt.</translation>
    </message>
    <message>
        <source>Telnyx numbers are released in the Telnyx portal.</source>
        <translation>Telnyx-Rufnummern werden im Telnyx-Portal zurückgegeben.</translation>
    </message>
    <message>
        <source>%1 · sorted by %2 once the first sync has indexed them</source>
        <translation>%1 · nach %2 sortiert, sobald die erste Synchronisierung sie indiziert hat</translation>
    </message>
    <message>
        <source>The first sync of this database stores the numbers first and builds their sort indexes afterwards; until then, sorting by another column than the number would hold up the window.</source>
        <translation>Die erste Synchronisierung dieser Datenbank speichert zuerst die Rufnummern und baut danach ihre Sortierindizes auf; bis dahin würde das Sortieren nach einer anderen Spalte als der Rufnummer das Fenster aufhalten.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::OrderDetailsPage</name>
    <message>
        <source>Order details</source>
        <translation>Auftragsdaten</translation>
    </message>
    <message>
        <source>&amp;End user (company):</source>
        <translation>&amp;Endkunde (Firma):</translation>
    </message>
    <message>
        <source>&amp;Authorised person:</source>
        <translation>&amp;Bevollmächtigte Person:</translation>
    </message>
    <message>
        <source>&amp;Street address:</source>
        <translation>&amp;Straße und Hausnummer:</translation>
    </message>
    <message>
        <source>&amp;Postal code:</source>
        <translation>&amp;Postleitzahl:</translation>
    </message>
    <message>
        <source>&amp;Town or city:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Requested porting &amp;date:</source>
        <translation>Gewünschtes Portierungs&amp;datum:</translation>
    </message>
    <message>
        <source>Your &amp;reference (optional):</source>
        <translation>Ihre &amp;Referenz (optional):</translation>
    </message>
    <message>
        <source>Country: Germany (extended numbers are ported only in Germany)</source>
        <translation>Land: Deutschland (Durchwahlnummern werden nur in Deutschland portiert)</translation>
    </message>
    <message>
        <source>e.g. Muster GmbH</source>
        <translation>z. B. Muster GmbH</translation>
    </message>
    <message>
        <source>e.g. Erika Mustermann</source>
        <translation>z. B. Erika Mustermann</translation>
    </message>
    <message>
        <source>Choose the document</source>
        <translation>Dokument wählen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Dokumente (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Signed &amp;LOA:</source>
        <translation>Unterschriebene &amp;LOA:</translation>
    </message>
    <message>
        <source>Latest &amp;invoice:</source>
        <translation>Letzte &amp;Rechnung:</translation>
    </message>
    <message>
        <source>The letter of authorisation the end user signed (PDF, JPEG or PNG)</source>
        <translation>Die vom Endkunden unterschriebene Portierungsvollmacht (PDF, JPEG oder PNG)</translation>
    </message>
    <message>
        <source>Their latest invoice from the current carrier (PDF, JPEG or PNG)</source>
        <translation>Seine letzte Rechnung des bisherigen Anbieters (PDF, JPEG oder PNG)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Who holds the numbers today, where they are in service, when they should move, and the signed LOA with their latest invoice. The losing carrier compares these with its records.</source>
        <translation>Wem die Rufnummern heute gehören, wo sie geschaltet sind, wann sie umziehen sollen, und die unterschriebene Portierungsvollmacht mit der letzten Rechnung. Der abgebende Anbieter gleicht diese Angaben mit seinen Unterlagen ab.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PendingChangesPage</name>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation>Diese Änderung verwerfen?</translation>
    </message>
    <message>
        <source>Discard these %1 changes?</source>
        <translation>Diese %1 Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The edits are removed from this computer and never sent to the provider. This cannot be undone.</source>
        <translation>Die Änderungen werden von diesem Computer entfernt und nie an den Anbieter gesendet. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Send every waiting change to its provider (Ctrl+Return)</source>
        <translation>Alle wartenden Änderungen an ihren Anbieter senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Drop the selected changes without sending them (Del)</source>
        <translation>Die ausgewählten Änderungen verwerfen, ohne sie zu senden (Entf)</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source>&amp;Apply 1 change</source>
        <translation>1 Änderung &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Apply %1 changes</source>
        <translation>%1 Änderungen &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Apply all</source>
        <translation>Alle &amp;übernehmen</translation>
    </message>
    <message>
        <source>A sync is running; apply when it has finished.</source>
        <translation>Eine Synchronisierung läuft; übernehmen Sie die Änderungen, wenn sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Stop after the change being sent now (Esc)</source>
        <translation>Nach der gerade gesendeten Änderung anhalten (Esc)</translation>
    </message>
    <message>
        <source>Remove the selected results from this list</source>
        <translation>Die ausgewählten Ergebnisse aus dieser Liste entfernen</translation>
    </message>
    <message>
        <source>Compare the selected conflict with the provider’s record and choose what to keep (Ctrl+R, or double-click the row)</source>
        <translation>Den ausgewählten Konflikt mit dem Datensatz des Anbieters vergleichen und wählen, was beibehalten wird (Strg+R oder Doppelklick auf die Zeile)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>Nicht angewendet</translation>
    </message>
    <message>
        <source>Another applier holds it; the sync status says who.</source>
        <translation>Jemand anderes wendet sie gerade an; wer, zeigt der Synchronisierungsstatus.</translation>
    </message>
    <message>
        <source>Not sent: applying was cancelled before this change.</source>
        <translation>Nicht gesendet: Das Anwenden wurde vor dieser Änderung abgebrochen.</translation>
    </message>
    <message>
        <source>Discard 1 change</source>
        <translation>1 Änderung verwerfen</translation>
    </message>
    <message>
        <source>Discard %1 changes</source>
        <translation>%1 Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Apply &amp;selected (%1)</source>
        <translation>&amp;Ausgewählte anwenden (%1)</translation>
    </message>
    <message>
        <source>Apply &amp;selected</source>
        <translation>&amp;Ausgewählte anwenden</translation>
    </message>
    <message>
        <source>Send only the selected changes (a record or profile row: all of its changes) (Ctrl+Shift+Return)</source>
        <translation>Nur die ausgewählten Änderungen senden (bei einer Datensatz- oder Profilzeile: alle ihre Änderungen) (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PortOrderSession</name>
    <message>
        <source>Route number</source>
        <translation>Stammnummer</translation>
    </message>
    <message>
        <source>End user</source>
        <translation>Endkunde</translation>
    </message>
    <message>
        <source>Authorised person</source>
        <translation>Bevollmächtigte Person</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Requested porting date</source>
        <translation>Gewünschtes Portierungsdatum</translation>
    </message>
    <message>
        <source>Extension block</source>
        <translation>Durchwahlblock</translation>
    </message>
    <message>
        <source>Active ranges</source>
        <translation>Aktive Bereiche</translation>
    </message>
    <message>
        <source>Documents (LOA and invoice)</source>
        <translation>Unterlagen (Portierungsvollmacht und Rechnung)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The profile cannot be connected.</source>
        <translation>Das Profil kann nicht verbunden werden.</translation>
    </message>
    <message>
        <source>%1 takes no port orders.</source>
        <translation>%1 nimmt keine Portierungsaufträge an.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PortOrdersModel</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Route number</source>
        <translation>Stammnummer</translation>
    </message>
    <message>
        <source>Extension block</source>
        <translation>Durchwahlblock</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PortOrdersPage</name>
    <message>
        <source>New port order</source>
        <translation>Neuer Portierungsauftrag</translation>
    </message>
    <message>
        <source>You started a port order before. Continue it?</source>
        <translation>Sie haben bereits einen Portierungsauftrag begonnen. Möchten Sie ihn fortsetzen?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Export the numbers of a port order</source>
        <translation>Rufnummern eines Portierungsauftrags exportieren</translation>
    </message>
    <message>
        <source>Port orders</source>
        <translation>Portierungsaufträge</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>&amp;New port order…</source>
        <translation>&amp;Neuer Portierungsauftrag…</translation>
    </message>
    <message>
        <source>&amp;Export numbers…</source>
        <translation>Rufnummern &amp;exportieren…</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 Aufträge</translation>
    </message>
    <message>
        <source>None of the profiles in view takes port orders; Telnyx profiles do.</source>
        <translation>Keines der angezeigten Profile nimmt Portierungsaufträge an; Telnyx-Profile tun das.</translation>
    </message>
    <message>
        <source>Port a German number with its extended numbers (Ctrl+N)</source>
        <translation>Eine deutsche Rufnummer mit ihren Durchwahlnummern portieren (Strg+N)</translation>
    </message>
    <message>
        <source>Choose one profile whose provider takes port orders (Telnyx) in the profile switcher.</source>
        <translation>Wählen Sie in der Profilauswahl ein Profil, dessen Anbieter Portierungsaufträge annimmt (Telnyx).</translation>
    </message>
    <message>
        <source>Write every number of the chosen order to a CSV file</source>
        <translation>Jede Rufnummer des gewählten Auftrags in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Choose an order in the list first.</source>
        <translation>Wählen Sie zuerst einen Auftrag in der Liste.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported the numbers of order %1 to %2.</source>
        <translation>Die Rufnummern des Auftrags %1 wurden nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Delete extension</source>
        <translation>Durchwahlblock löschen</translation>
    </message>
    <message>
        <source>&amp;Delete extension</source>
        <translation>Durchwahlblock &amp;löschen</translation>
    </message>
    <message>
        <source>Extension block</source>
        <translation>Durchwahlblock</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Activation ranges</source>
        <translation>Aktivierungsbereiche</translation>
    </message>
    <message>
        <source>Choose an order and one of its extension blocks first.</source>
        <translation>Wählen Sie zuerst einen Auftrag und einen seiner Durchwahlblöcke.</translation>
    </message>
    <message>
        <source>Extensions can be deleted only while the order is Draft, In process or Exception; this order is %1.</source>
        <translation>Durchwahlen können nur gelöscht werden, solange der Auftrag Entwurf, In Bearbeitung oder Ausnahme ist; dieser Auftrag ist %1.</translation>
    </message>
    <message>
        <source>There is no connection to the provider here.</source>
        <translation>Hier besteht keine Verbindung zum Anbieter.</translation>
    </message>
    <message>
        <source>Remove the chosen extension block from the order at the provider</source>
        <translation>Den gewählten Durchwahlblock beim Anbieter aus dem Auftrag entfernen</translation>
    </message>
    <message>
        <source>Delete the extension block %1 from order %2? Its numbers will not be ported.</source>
        <translation>Den Durchwahlblock %1 aus dem Auftrag %2 löschen? Seine Rufnummern werden dann nicht portiert.</translation>
    </message>
    <message>
        <source>Deleting the extension block…</source>
        <translation>Der Durchwahlblock wird gelöscht…</translation>
    </message>
    <message>
        <source>The profile cannot be connected.</source>
        <translation>Das Profil kann nicht verbunden werden.</translation>
    </message>
    <message>
        <source>The extension block was deleted.</source>
        <translation>Der Durchwahlblock wurde gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>Auftrag &amp;stornieren</translation>
    </message>
    <message>
        <source>Only an order that was submitted and is not ported or cancelled yet can be cancelled (a draft is deleted instead); this order is %1.</source>
        <translation>Storniert werden kann nur ein abgesendeter Auftrag, der noch nicht portiert oder storniert ist (ein Entwurf wird stattdessen gelöscht); dieser Auftrag ist %1.</translation>
    </message>
    <message>
        <source>Cancel the chosen order at the provider</source>
        <translation>Den gewählten Auftrag beim Anbieter stornieren</translation>
    </message>
    <message>
        <source>Cancel port order %1? A cancelled order cannot be reactivated.</source>
        <translation>Portierungsauftrag %1 stornieren? Ein stornierter Auftrag kann nicht wieder aufgenommen werden.</translation>
    </message>
    <message>
        <source>Cancelling the order…</source>
        <translation>Der Auftrag wird storniert…</translation>
    </message>
    <message>
        <source>Order %1 is now %2.</source>
        <translation>Der Auftrag %1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>The order was not cancelled.</source>
        <translation>Der Auftrag wurde nicht storniert.</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>Entwurf &amp;löschen</translation>
    </message>
    <message>
        <source>Only a draft can be deleted (a submitted order is cancelled instead); this order is %1.</source>
        <translation>Nur ein Entwurf kann gelöscht werden (ein eingereichter Auftrag wird stattdessen storniert); dieser Auftrag ist %1.</translation>
    </message>
    <message>
        <source>Delete the chosen draft at the provider (Del)</source>
        <translation>Den gewählten Entwurf beim Anbieter löschen (Entf)</translation>
    </message>
    <message>
        <source>Delete the draft port order %1? Nothing was sent to the current carrier yet; the draft and its extension blocks are gone for good.</source>
        <translation>Den Portierungsentwurf %1 löschen? An den bisherigen Anbieter wurde noch nichts gesendet; der Entwurf und seine Durchwahlblöcke sind endgültig weg.</translation>
    </message>
    <message>
        <source>Deleting the draft…</source>
        <translation>Der Entwurf wird gelöscht…</translation>
    </message>
    <message>
        <source>The draft %1 was deleted.</source>
        <translation>Der Entwurf %1 wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PortSummaryPage</name>
    <message>
        <source>End user: %1</source>
        <translation>Endkunde: %1</translation>
    </message>
    <message>
        <source>Authorised person: %1</source>
        <translation>Bevollmächtigte Person: %1</translation>
    </message>
    <message>
        <source>Service address: %1, %2 %3, Germany</source>
        <translation>Anschrift: %1, %2 %3, Deutschland</translation>
    </message>
    <message>
        <source>Requested porting date: %1</source>
        <translation>Gewünschtes Portierungsdatum: %1</translation>
    </message>
    <message>
        <source>Your reference: %1</source>
        <translation>Ihre Referenz: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Extension range: %1 (%2 to %3)</source>
        <translation>Durchwahlbereich: %1 (%2 bis %3)</translation>
    </message>
    <message>
        <source>Activation ranges: %1</source>
        <translation>Aktivierungsbereiche: %1</translation>
    </message>
    <message>
        <source>%1 numbers port with the route number: %2 active, %3 inactive.</source>
        <translation>%1 Rufnummern werden mit der Stammnummer portiert: %2 aktiv, %3 inaktiv.</translation>
    </message>
    <message>
        <source>The route number is missing or not a German number.</source>
        <translation>Die Stammnummer fehlt oder ist keine deutsche Rufnummer.</translation>
    </message>
    <message>
        <source>Every porting rule is met.</source>
        <translation>Alle Portierungsregeln sind erfüllt.</translation>
    </message>
    <message>
        <source>There is no connection to a provider here, so the order is only checked. “Keep as draft” keeps it on this computer, to be continued later from the Port orders page.</source>
        <translation>Hier besteht keine Verbindung zu einem Anbieter, daher wird der Auftrag nur geprüft. „Als Entwurf behalten“ bewahrt ihn auf diesem Computer auf, um ihn später auf der Seite Portierungsaufträge fortzusetzen.</translation>
    </message>
    <message>
        <source>Order %1 submitted; its status is now %2.</source>
        <translation>Der Auftrag %1 wurde abgesendet; sein Status ist jetzt %2.</translation>
    </message>
    <message>
        <source>Submit the port order</source>
        <translation>Portierungsauftrag einreichen</translation>
    </message>
    <message>
        <source>Review and submit</source>
        <translation>Prüfen und einreichen</translation>
    </message>
    <message>
        <source>Exactly what the port order will carry. Go back to change anything.</source>
        <translation>Genau das, was der Portierungsauftrag enthalten wird. Gehen Sie zurück, um etwas zu ändern.</translation>
    </message>
    <message>
        <source>S&amp;ubmit order…</source>
        <translation>Auftrag &amp;einreichen…</translation>
    </message>
    <message>
        <source>“Submit order” uploads the LOA and the invoice, adds these details to draft order %1 at %2, attaches the extensions to the route number and submits the order. “Keep as draft” sends nothing more; the order can be continued later from the Port orders page.</source>
        <translation>„Auftrag einreichen“ lädt die Portierungsvollmacht und die Rechnung hoch, ergänzt den Auftragsentwurf %1 bei %2 um diese Angaben, hängt die Durchwahlen an die Stammnummer an und reicht den Auftrag ein. „Als Entwurf behalten“ sendet nichts weiter; der Auftrag kann später auf der Seite „Portierungsaufträge“ fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Uploading the documents, adding the details and the extensions, then submitting…</source>
        <translation>Die Unterlagen werden hochgeladen, die Angaben und die Durchwahlen ergänzt, dann wird eingereicht…</translation>
    </message>
    <message>
        <source>Order %1 was not submitted; it stays a draft.</source>
        <translation>Auftrag %1 wurde nicht eingereicht; er bleibt ein Entwurf.</translation>
    </message>
    <message>
        <source>Submit port order %1 for %2 with %3 numbers (extensions %4)? Once submitted, the order goes to the current carrier and can only be cancelled, not edited.</source>
        <translation>Portierungsauftrag %1 für %2 mit %3 Rufnummern (Durchwahlen %4) einreichen? Nach dem Einreichen geht der Auftrag an den bisherigen Anbieter und kann nur noch storniert, nicht mehr bearbeitet werden.</translation>
    </message>
    <message>
        <source>The order was not submitted.</source>
        <translation>Der Auftrag wurde nicht eingereicht.</translation>
    </message>
    <message>
        <source>Route number: %1 (the order holds this number only)</source>
        <translation>Stammnummer: %1 (der Auftrag enthält nur diese Rufnummer)</translation>
    </message>
    <message>
        <source>Draft order: %1</source>
        <translation>Auftragsentwurf: %1</translation>
    </message>
    <message>
        <source>not at a provider</source>
        <translation>nicht bei einem Anbieter</translation>
    </message>
    <message>
        <source>Porting phone number of the route number: %1</source>
        <translation>Portierungsrufnummer der Stammnummer: %1</translation>
    </message>
    <message>
        <source>not looked up</source>
        <translation>nicht ermittelt</translation>
    </message>
    <message>
        <source>Documents sent with the order: %1 (LOA), %2 (invoice)</source>
        <translation>Mit dem Auftrag gesendete Unterlagen: %1 (Portierungsvollmacht), %2 (Rechnung)</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PortingNumberPage</name>
    <message>
        <source>Porting phone number</source>
        <translation>Portierungsrufnummer</translation>
    </message>
    <message>
        <source>The route number as the order holds it. The extension block is attached to it; the extended numbers are never listed on the order themselves.</source>
        <translation>Die Stammnummer, wie der Auftrag sie führt. Der Durchwahlblock wird an sie angehängt; die Durchwahlnummern selbst stehen nie im Auftrag.</translation>
    </message>
    <message>
        <source>&amp;Look up again</source>
        <translation>Erneut &amp;ermitteln</translation>
    </message>
    <message>
        <source>There is no connection to a provider here: the porting phone number is looked up once a draft order exists at the provider.</source>
        <translation>Hier besteht keine Verbindung zu einem Anbieter: Die Portierungsrufnummer wird ermittelt, sobald ein Auftragsentwurf beim Anbieter besteht.</translation>
    </message>
    <message>
        <source>Looking up %1 on order %2…</source>
        <translation>%1 wird im Auftrag %2 gesucht…</translation>
    </message>
    <message>
        <source>%1 is porting phone number %2 on order %3. The extensions of the next step are attached to it.</source>
        <translation>%1 ist die Portierungsrufnummer %2 im Auftrag %3. Die Durchwahlen des nächsten Schritts werden an sie angehängt.</translation>
    </message>
    <message>
        <source>The route number was not found on order %1.</source>
        <translation>Die Stammnummer wurde im Auftrag %1 nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::PortingWizard</name>
    <message>
        <source>New port order</source>
        <translation>Neuer Portierungsauftrag</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>Als &amp;Entwurf behalten</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ProfileEditDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>The demo office runs on this computer: it needs no address and no secret. Only its name can be changed.</source>
        <translation>Das Demo-Büro läuft auf diesem Computer: Es benötigt weder Adresse noch Geheimnis. Nur sein Name kann geändert werden.</translation>
    </message>
    <message>
        <source>Leave the secret fields empty to keep the secret in the keychain. A changed address or account needs the secret typed again: Trunkline never sends a secret anywhere but where it was entered for.</source>
        <translation>Lassen Sie die Geheimnis-Felder leer, um das Geheimnis im Schlüsselbund beizubehalten. Bei geänderter Adresse oder geändertem Konto muss das Geheimnis erneut eingegeben werden: Trunkline sendet ein Geheimnis nie an eine andere Stelle als die, für die es eingegeben wurde.</translation>
    </message>
    <message>
        <source>The secret goes straight into the system keychain; the database and the settings never hold it.</source>
        <translation>Das Geheimnis wird direkt im Schlüsselbund des Systems gespeichert; weder die Datenbank noch die Einstellungen enthalten es jemals.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>https://host (http only for 127.0.0.1, localhost or ::1)</source>
        <translation>https://host (http nur für 127.0.0.1, localhost oder ::1)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ProfileSwitcher</name>
    <message>
        <source>Which provider account the console shows</source>
        <translation>Welches Anbieterkonto die Konsole anzeigt</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>Alle Profile</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::ProfilesDialog</name>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>built-in demo (on this computer)</source>
        <translation>integrierte Demo (auf diesem Computer)</translation>
    </message>
    <message numerus="yes">
        <source>Trunkline deletes its local copy of this account&apos;s data on this computer: %n number(s), </source>
        <translation>
            <numerusform>Trunkline löscht auf diesem Computer die lokale Kopie der Daten dieses Kontos: %n Rufnummer, </numerusform>
            <numerusform>Trunkline löscht auf diesem Computer die lokale Kopie der Daten dieses Kontos: %n Rufnummern, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n extension(s), </source>
        <translation>
            <numerusform>%n Nebenstelle, </numerusform>
            <numerusform>%n Nebenstellen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>its port orders, routes and audit log, and %n staged change(s) not yet applied.</source>
        <translation>
            <numerusform>die Portierungsaufträge, Stammnummern und das Prüfprotokoll des Kontos sowie %n vorgemerkte, noch nicht angewendete Änderung.</numerusform>
            <numerusform>die Portierungsaufträge, Stammnummern und das Prüfprotokoll des Kontos sowie %n vorgemerkte, noch nicht angewendete Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its secret is removed from the system keychain.</source>
        <translation>Das Geheimnis des Kontos wird aus dem Schlüsselbund des Systems entfernt.</translation>
    </message>
    <message>
        <source>Nothing changes at %1; you can add the account again later.</source>
        <translation>Bei %1 ändert sich nichts; Sie können das Konto später erneut hinzufügen.</translation>
    </message>
    <message>
        <source>Remove the account “%1”?</source>
        <translation>Konto „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::RouteNumberPage</name>
    <message>
        <source>Route number</source>
        <translation>Stammnummer</translation>
    </message>
    <message>
        <source>The main number of the line whose extensions are ported. Only German numbers have extended numbers.</source>
        <translation>Die Hauptrufnummer des Anschlusses, dessen Durchwahlen portiert werden. Nur deutsche Rufnummern haben Durchwahlnummern.</translation>
    </message>
    <message>
        <source>Type it as you know it: +49 201 2345678, 0049 201 2345678 or 0201 2345678. The order is created with this number only; the extensions are attached to it later.</source>
        <translation>Geben Sie sie so ein, wie Sie sie kennen: +49 201 2345678, 0049 201 2345678 oder 0201 2345678. Der Auftrag wird nur mit dieser Rufnummer angelegt; die Durchwahlen werden danach angehängt.</translation>
    </message>
    <message>
        <source>&amp;Route number:</source>
        <translation>&amp;Stammnummer:</translation>
    </message>
    <message>
        <source>e.g. 0201 2345678</source>
        <translation>z. B. 0201 2345678</translation>
    </message>
    <message>
        <source>Will be ported as %1.</source>
        <translation>Wird als %1 portiert.</translation>
    </message>
    <message>
        <source>%1 is already in the inventory of profile “%2”.</source>
        <translation>%1 ist bereits im Bestand des Profils „%2“.</translation>
    </message>
    <message>
        <source>%1 is already on port order %2 (%3).</source>
        <translation>%1 steht bereits im Portierungsauftrag %2 (%3).</translation>
    </message>
    <message>
        <source>Draft order %1 was created with this route number, so it cannot change here. To port another number, start a new order; the draft can be deleted on the Port orders page.</source>
        <translation>Der Auftragsentwurf %1 wurde mit dieser Stammnummer angelegt; sie kann hier daher nicht mehr geändert werden. Um eine andere Rufnummer zu portieren, beginnen Sie einen neuen Auftrag; der Entwurf kann auf der Seite „Portierungsaufträge“ gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::RoutesModel</name>
    <message>
        <source>Application %1</source>
        <translation>Anwendung %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Catch-all</source>
        <translation>Auffangroute</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Number or pattern</source>
        <translation>Rufnummer oder Muster</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Voice URL or application</source>
        <translation>Sprach-URL oder -Anwendung</translation>
    </message>
    <message>
        <source>SMS URL or application</source>
        <translation>SMS-URL oder -Anwendung</translation>
    </message>
    <message>
        <source>Application “%1” (%2)</source>
        <translation>Anwendung „%1“ (%2)</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::RoutingPage</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 is a %2 profile. %2 does not route incoming calls by number patterns, so there are no routes to show or test here. Routing is available for %3 profiles.</source>
        <translation>%1 ist ein %2-Profil. %2 leitet eingehende Anrufe nicht nach Nummernmustern weiter, daher gibt es hier keine Routen zum Anzeigen oder Testen. Routing gibt es für %3-Profile.</translation>
    </message>
    <message>
        <source>Choose a %1 profile in the toolbar to see its incoming numbers and routes.</source>
        <translation>Wählen Sie in der Werkzeugleiste ein %1-Profil, um seine eingehenden Nummern und Routen zu sehen.</translation>
    </message>
    <message>
        <source>The local copy has no numbers of %1 yet; sync it first (F5).</source>
        <translation>Die lokale Kopie enthält noch keine Nummern von %1; zuerst synchronisieren (F5).</translation>
    </message>
    <message>
        <source>%1 takes the call: exact number</source>
        <translation>%1 nimmt den Anruf an: exakte Nummer</translation>
    </message>
    <message>
        <source>%1 takes the call: pattern</source>
        <translation>%1 nimmt den Anruf an: Muster</translation>
    </message>
    <message>
        <source>No number or pattern takes the call</source>
        <translation>Keine Nummer und kein Muster nimmt den Anruf an</translation>
    </message>
    <message>
        <source>all routes</source>
        <translation>alle Routen</translation>
    </message>
    <message>
        <source>Linter: no findings</source>
        <translation>Prüfung: keine Befunde</translation>
    </message>
    <message>
        <source>Linter: 1 finding</source>
        <translation>Prüfung: 1 Befund</translation>
    </message>
    <message>
        <source>Linter: %1 findings</source>
        <translation>Prüfung: %1 Befunde</translation>
    </message>
    <message>
        <source>1 number or pattern</source>
        <translation>1 Rufnummer oder Muster</translation>
    </message>
    <message>
        <source>%1 numbers and patterns</source>
        <translation>%1 Rufnummern und Muster</translation>
    </message>
    <message>
        <source>Edit route</source>
        <translation>Route bearbeiten</translation>
    </message>
    <message>
        <source>The number is no longer in the local copy.</source>
        <translation>Die Rufnummer ist nicht mehr in der lokalen Kopie.</translation>
    </message>
    <message>
        <source>%1 numbers are routed by their URLs and applications, not assigned to extensions.</source>
        <translation>%1-Rufnummern werden über ihre URLs und Anwendungen weitergeleitet, nicht Nebenstellen zugeordnet.</translation>
    </message>
    <message>
        <source>Test dialed numbers</source>
        <translation>Gewählte Nummern testen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the current number or pattern&apos;s friendly name, URLs and applications (%1)</source>
        <translation>Anzeigename, URLs und Anwendungen der aktuellen Rufnummer oder des Musters bearbeiten (%1)</translation>
    </message>
    <message>
        <source>%1 is staged to be added; discard it on the Pending changes page and add it again to change it.</source>
        <translation>%1 ist zum Hinzufügen vorgemerkt; um es zu ändern, auf der Seite „Ausstehende Änderungen“ verwerfen und neu hinzufügen.</translation>
    </message>
    <message>
        <source>Add route</source>
        <translation>Route hinzufügen</translation>
    </message>
    <message>
        <source>The new route could not be staged: %1</source>
        <translation>Die neue Route konnte nicht vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>Add route…</source>
        <translation>Route hinzufügen…</translation>
    </message>
    <message>
        <source>Add a SIP number or pattern to the profile (%1)</source>
        <translation>Dem Profil eine SIP-Nummer oder ein Muster hinzufügen (%1)</translation>
    </message>
    <message>
        <source>The changes could not be staged: %1

The list now shows what is staged; the dialog opens again on it with your edits.</source>
        <translation>Die Änderungen konnten nicht vorgemerkt werden: %1

Die Liste zeigt jetzt, was vorgemerkt ist; der Dialog öffnet sich erneut darauf mit Ihren Änderungen.</translation>
    </message>
    <message>
        <source>Migrate numbers</source>
        <translation>Rufnummern migrieren</translation>
    </message>
    <message>
        <source>The migration could not be staged: %1</source>
        <translation>Die Migration konnte nicht vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>Migrate numbers…</source>
        <translation>Rufnummern migrieren…</translation>
    </message>
    <message>
        <source>Move every number of an account and its sub-accounts to another organisation (super admin only)</source>
        <translation>Jede Rufnummer eines Kontos und seiner Unterkonten in eine andere Organisation verschieben (nur Super-Admin)</translation>
    </message>
    <message>
        <source>Edit route %1</source>
        <translation>Stammnummer %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::SyncController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: connecting</source>
        <translation>%1: Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Sync cancelled at %1; the next sync finishes the job.</source>
        <translation>Synchronisierung um %1 abgebrochen; die nächste Synchronisierung schließt den Vorgang ab.</translation>
    </message>
    <message>
        <source>Synced at %1.</source>
        <translation>Synchronisiert um %1.</translation>
    </message>
    <message>
        <source>Changes applied at %1.</source>
        <translation>Änderungen übernommen um %1.</translation>
    </message>
    <message>
        <source>Synced at %1 with problems (%2): %3</source>
        <translation>Synchronisiert um %1 mit Problemen (%2): %3</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::SyncStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the sync; what arrived so far is kept and the next sync finishes the job.</source>
        <translation>Die Synchronisierung anhalten; bereits empfangene Daten bleiben erhalten, und die nächste Synchronisierung schließt den Vorgang ab.</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisierung läuft…</translation>
    </message>
    <message>
        <source>%1: extension details %2 of %3</source>
        <translation>%1: Nebenstellendetails %2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>noch ca. %n Min.</numerusform>
            <numerusform>noch ca. %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation>
            <numerusform>noch etwa %n Std.</numerusform>
            <numerusform>noch etwa %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forwarding lists and call settings are fetched in the background, within the provider&apos;s rate limits; an extension you open is fetched first.</source>
        <translation>Weiterleitungslisten und Anrufeinstellungen werden im Hintergrund innerhalb der Ratenbegrenzungen des Anbieters abgerufen; eine geöffnete Nebenstelle wird zuerst abgerufen.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::SyncWorker</name>
    <message>
        <source>The sync thread has no database connection.</source>
        <translation>Der Synchronisierungs-Thread hat keine Datenbankverbindung.</translation>
    </message>
    <message>
        <source>No connection is open for this account.</source>
        <translation>Für dieses Konto ist keine Verbindung geöffnet.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Eine Synchronisierung läuft bereits.</translation>
    </message>
</context>
<context>
    <name>trunkline::gui::TableCsvExport</name>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with commas (*.csv)</source>
        <translation>CSV, UTF-8 mit Kommas (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the rows shown, in the shown column order, to a CSV file</source>
        <translation>Die angezeigten Zeilen in der angezeigten Spaltenreihenfolge in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting… %1 of %2 rows</source>
        <translation>Wird exportiert… %1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>trunkline::models::AuditLogModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>trunkline::models::ExtensionsModel</name>
    <message>
        <source>Ext.</source>
        <translation>Durchwahl</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>%1 is an account administrator.</source>
        <translation>%1 ist Administrator des Kontos.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endgerät</translation>
    </message>
    <message>
        <source>Not read yet: the endpoint follows from the extension&apos;s devices, read with its details.</source>
        <translation>Noch nicht gelesen: Das Endgerät ergibt sich aus den Geräten der Nebenstelle, die mit ihren Details gelesen werden.</translation>
    </message>
</context>
<context>
    <name>trunkline::models::ForwardingListModel</name>
    <message>
        <source>Device %1</source>
        <comment>phone line entry</comment>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>The forwarding list already has %1 numbers; at most %1 are allowed.</source>
        <translation>Die Weiterleitungsliste hat bereits %1 Rufnummern; erlaubt sind höchstens %1.</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Flip</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>The digit dialled to flip a call to this number; follows the list&apos;s order.</source>
        <translation>Die Ziffer, die gewählt wird, um einen Anruf per Call-Flip an diese Rufnummer umzuschalten; folgt der Reihenfolge der Liste.</translation>
    </message>
</context>
<context>
    <name>trunkline::models::NumbersModel</name>
    <message>
        <source>Voice</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>MMS</source>
        <translation>MMS</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Usage type</source>
        <translation>Nutzungsart</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Abrechnungsart</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Anrufart</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Nebenstelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Pending: &quot;%1&quot; is staged and not yet applied at the provider (stored: &quot;%2&quot;).</source>
        <translation>Ausstehend: &quot;%1&quot; ist vorgemerkt und beim Anbieter noch nicht übernommen (gespeichert: &quot;%2&quot;).</translation>
    </message>
    <message>
        <source>Pending: this number is staged for release and is released at the provider when pending changes are applied.</source>
        <translation>Ausstehend: Diese Rufnummer ist zur Freigabe vorgemerkt und wird beim Anbieter freigegeben, wenn die ausstehenden Änderungen übernommen werden.</translation>
    </message>
    <message>
        <source>Pending: unassigning from its extension is staged and not yet applied.</source>
        <translation>Ausstehend: Das Aufheben der Zuweisung zur Nebenstelle ist vorgemerkt und noch nicht übernommen.</translation>
    </message>
    <message>
        <source>Pending: assigning to extension %1 is staged and not yet applied.</source>
        <translation>Ausstehend: Die Zuweisung zur Nebenstelle %1 ist vorgemerkt und noch nicht übernommen.</translation>
    </message>
    <message>
        <source>Pending: changes of %1 are staged and not yet applied at the provider.</source>
        <translation>Ausstehend: Änderungen an %1 sind vorgemerkt und beim Anbieter noch nicht übernommen.</translation>
    </message>
    <message>
        <source>The label “%1” of %2 was not staged: %3</source>
        <translation>Die Bezeichnung „%1“ von %2 wurde nicht vorgemerkt: %3</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>%1 zurückgeben</translation>
    </message>
    <message>
        <source>Release %1 numbers</source>
        <translation>%1 Rufnummern zurückgeben</translation>
    </message>
</context>
<context>
    <name>trunkline::models::PendingChangesModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Nebenstelle</translation>
    </message>
    <message>
        <source>Forwarding number</source>
        <translation>Weiterleitungsnummer</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Extension settings</source>
        <translation>Nebenstelleneinstellungen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Being applied</source>
        <translation>Wird übernommen</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Failed, will retry</source>
        <translation>Fehlgeschlagen, neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Number migration</source>
        <translation>Rufnummernmigration</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Approved %1</source>
        <translation>Freigegeben: %1</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Urheber</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
</context>
<context>
    <name>trunkline::net::ApiClient</name>
    <message>
        <source>the answer is larger than %1 MB, more than any page of the API</source>
        <translation>die Antwort ist größer als %1 MB, mehr als jede Seite der API</translation>
    </message>
    <message>
        <source>it redirected the request to another address (%1); Trunkline follows redirects only within the profile&apos;s address</source>
        <translation>die Anfrage wurde an eine andere Adresse umgeleitet (%1); Trunkline folgt Umleitungen nur innerhalb der Adresse des Profils</translation>
    </message>
    <message>
        <source>the answer was still arriving after %1 s</source>
        <translation>die Antwort kam nach %1 s immer noch an</translation>
    </message>
    <message>
        <source>it asked to wait %1 minutes before the next attempt, longer than Trunkline waits (%2 minutes)</source>
        <translation>es verlangte %1 Minuten Wartezeit vor dem nächsten Versuch, länger als Trunkline wartet (%2 Minuten)</translation>
    </message>
</context>
<context>
    <name>trunkline::net::PagedFetch</name>
    <message>
        <source>Page %1 links to itself as the next page.</source>
        <translation>Seite %1 verweist auf sich selbst als nächste Seite.</translation>
    </message>
    <message>
        <source>The list claims %1 pages, more than the %2 Trunkline reads.</source>
        <translation>Die Liste gibt %1 Seiten an, mehr als die %2, die Trunkline liest.</translation>
    </message>
    <message>
        <source>Page %1 links back to a page already read.</source>
        <translation>Seite %1 verweist zurück auf eine bereits gelesene Seite.</translation>
    </message>
    <message>
        <source>The list goes on past %1 pages.</source>
        <translation>Die Liste geht über %1 Seiten hinaus.</translation>
    </message>
</context>
<context>
    <name>trunkline::providers::restcomm::RestcommClient</name>
    <message>
        <source>incoming number %1</source>
        <translation>die eingehende Rufnummer %1</translation>
    </message>
    <message>
        <source>the incoming numbers of account %1</source>
        <translation>die eingehenden Rufnummern des Kontos %1</translation>
    </message>
    <message>
        <source>The list page has no “incomingPhoneNumbers” array.</source>
        <translation>Die Listenseite enthält kein Array “incomingPhoneNumbers”.</translation>
    </message>
    <message>
        <source>a number in area code %1</source>
        <translation>eine Rufnummer mit der Vorwahl %1</translation>
    </message>
    <message>
        <source>available %1 numbers in %2</source>
        <translation>die verfügbaren Rufnummern vom Typ %1 in %2</translation>
    </message>
    <message>
        <source>The answer is not a JSON array.</source>
        <translation>Die Antwort ist kein JSON-Array.</translation>
    </message>
    <message>
        <source>the numbers of account %1</source>
        <translation>die Rufnummern des Kontos %1</translation>
    </message>
</context>
<context>
    <name>trunkline::providers::ringcentral::RingCentralClient</name>
    <message>
        <source>extension %1</source>
        <translation>die Nebenstelle %1</translation>
    </message>
    <message>
        <source>The list page has no “records” array.</source>
        <translation>Die Listenseite enthält kein Array “records”.</translation>
    </message>
    <message>
        <source>the account</source>
        <translation>das Konto</translation>
    </message>
    <message>
        <source>the extension list</source>
        <translation>die Nebenstellenliste</translation>
    </message>
    <message>
        <source>the account&apos;s phone numbers</source>
        <translation>die Rufnummern des Kontos</translation>
    </message>
    <message>
        <source>the phone numbers of extension %1</source>
        <translation>die Rufnummern der Nebenstelle %1</translation>
    </message>
    <message>
        <source>the forwarding numbers of extension %1</source>
        <translation>die Weiterleitungsnummern der Nebenstelle %1</translation>
    </message>
    <message>
        <source>forwarding number %1</source>
        <translation>die Weiterleitungsnummer %1</translation>
    </message>
    <message>
        <source>the caller ID of extension %1</source>
        <translation>die Anrufer-ID der Nebenstelle %1</translation>
    </message>
    <message>
        <source>the notification settings of extension %1</source>
        <translation>die Benachrichtigungseinstellungen der Nebenstelle %1</translation>
    </message>
    <message>
        <source>the business-hours rule of extension %1</source>
        <translation>die Geschäftszeitenregel der Nebenstelle %1</translation>
    </message>
    <message>
        <source>the time zone of an extension</source>
        <translation>die Zeitzone einer Nebenstelle</translation>
    </message>
    <message>
        <source>RingCentral&apos;s time zone list has no &quot;%1&quot;; choose one of: %2.</source>
        <translation>Die Zeitzonenliste von RingCentral enthält „%1“ nicht; wählen Sie eine von: %2.</translation>
    </message>
    <message>
        <source>the time zone list</source>
        <translation>die Zeitzonenliste</translation>
    </message>
    <message>
        <source>phone number %1</source>
        <translation>Rufnummer %1</translation>
    </message>
    <message>
        <source>the account&apos;s business address</source>
        <translation>die Geschäftsadresse des Kontos</translation>
    </message>
    <message>
        <source>the devices of extension %1</source>
        <translation>die Geräte der Nebenstelle %1</translation>
    </message>
    <message>
        <source>the after-hours rule of extension %1</source>
        <translation>die Regel außerhalb der Geschäftszeiten von Nebenstelle %1</translation>
    </message>
    <message>
        <source>the custom rules of extension %1</source>
        <translation>die benutzerdefinierten Regeln der Nebenstelle %1</translation>
    </message>
    <message>
        <source>more than 1000 custom rules, which the console does not read</source>
        <translation>mehr als 1000 benutzerdefinierte Regeln, die die Konsole nicht liest</translation>
    </message>
</context>
<context>
    <name>trunkline::providers::telnyx::TelnyxClient</name>
    <message>
        <source>The answer has no “data” object.</source>
        <translation>Die Antwort enthält kein Objekt “data”.</translation>
    </message>
    <message>
        <source>porting order %1</source>
        <translation>Portierungsauftrag %1</translation>
    </message>
    <message>
        <source>The list page has no “data” array.</source>
        <translation>Die Listenseite enthält kein Array “data”.</translation>
    </message>
    <message>
        <source>the porting orders</source>
        <translation>die Portierungsaufträge</translation>
    </message>
    <message>
        <source>the porting order for %1</source>
        <translation>Portierungsauftrag für %1</translation>
    </message>
    <message>
        <source>The answer has no “data” array of porting orders.</source>
        <translation>Die Antwort enthält kein Array “data” mit Portierungsaufträgen.</translation>
    </message>
    <message>
        <source>the phone numbers of porting order %1</source>
        <translation>die Rufnummern des Portierungsauftrags %1</translation>
    </message>
    <message>
        <source>the extended numbers of porting order %1</source>
        <translation>die Durchwahlnummern des Portierungsauftrags %1</translation>
    </message>
    <message>
        <source>extension range %1–%2 of porting order %3</source>
        <translation>Durchwahlbereich %1–%2 des Portierungsauftrags %3</translation>
    </message>
    <message>
        <source>extended numbers %1 of porting order %2</source>
        <translation>die Durchwahlnummern %1 des Portierungsauftrags %2</translation>
    </message>
    <message>
        <source>the document %1</source>
        <translation>das Dokument %1</translation>
    </message>
    <message>
        <source>The answer names no document id.</source>
        <translation>Die Antwort nennt keine Dokument-ID.</translation>
    </message>
    <message>
        <source>the LOA template of porting order %1</source>
        <translation>die Vorlage der Portierungsvollmacht des Portierungsauftrags %1</translation>
    </message>
    <message>
        <source>The answer is not a PDF file.</source>
        <translation>Die Antwort ist keine PDF-Datei.</translation>
    </message>
    <message>
        <source>available numbers in %1</source>
        <translation>verfügbare Rufnummern in %1</translation>
    </message>
    <message>
        <source>The answer has no “data” array of available numbers.</source>
        <translation>Die Antwort enthält kein „data“-Array verfügbarer Rufnummern.</translation>
    </message>
    <message>
        <source>the order of number %1</source>
        <translation>die Bestellung der Rufnummer %1</translation>
    </message>
    <message>
        <source>the phone numbers</source>
        <translation>die Rufnummern</translation>
    </message>
    <message>
        <source>number %1</source>
        <translation>Rufnummer %1</translation>
    </message>
</context>
<context>
    <name>trunkline::secrets::KeychainSecretStore</name>
    <message>
        <source>Access to the keychain was denied: unlock it and allow Trunkline to use it, then try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert: Entsperren Sie ihn, erlauben Sie Trunkline den Zugriff und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Cannot store the %1 secret of this profile in the keychain: %2</source>
        <translation>Die %1-Zugangsdaten dieses Profils können nicht im Schlüsselbund gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the %1 secret of this profile from the keychain: %2</source>
        <translation>Die %1-Zugangsdaten dieses Profils können nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove the %1 secret of this profile from the keychain: %2</source>
        <translation>Die %1-Zugangsdaten dieses Profils können nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>trunkline::secrets::SecretStore</name>
    <message>
        <source>No keychain service is available (Secret Service/D-Bus): start gnome-keyring or KWallet, then try again.</source>
        <translation>Kein Schlüsselbunddienst verfügbar (Secret Service/D-Bus): Starten Sie gnome-keyring oder KWallet und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>No %1 secret of this profile is in the keychain.</source>
        <translation>Für dieses Profil sind keine %1-Zugangsdaten im Schlüsselbund.</translation>
    </message>
</context>
<context>
    <name>trunkline::sync::ChangePusher</name>
    <message>
        <source>There is no pending change %1 in profile %2.</source>
        <translation>Im Profil %2 gibt es keine ausstehende Änderung %1.</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Changes of kind &quot;%1&quot; cannot be applied to %2.</source>
        <translation>Änderungen der Art &quot;%1&quot; können bei %2 nicht übernommen werden.</translation>
    </message>
    <message>
        <source>Extension %1 was already deleted at the provider.</source>
        <translation>Die Nebenstelle %1 war beim Anbieter bereits gelöscht.</translation>
    </message>
    <message>
        <source>The record was deleted at the provider since you edited it.</source>
        <translation>Der Datensatz wurde seit Ihrer Bearbeitung beim Anbieter gelöscht.</translation>
    </message>
    <message>
        <source>Deleted extension %1.</source>
        <translation>Nebenstelle %1 gelöscht.</translation>
    </message>
    <message>
        <source>Extension %1 already had the new values.</source>
        <translation>Die Nebenstelle %1 hatte bereits die neuen Werte.</translation>
    </message>
    <message>
        <source>Updated extension %1 (%2).</source>
        <translation>Nebenstelle %1 aktualisiert (%2).</translation>
    </message>
    <message>
        <source>Extension %1 had already been created.</source>
        <translation>Die Nebenstelle %1 war bereits angelegt.</translation>
    </message>
    <message>
        <source>Could not check whether the extension exists already.</source>
        <translation>Es konnte nicht geprüft werden, ob die Nebenstelle bereits existiert.</translation>
    </message>
    <message>
        <source>Created extension %1 (id %2).</source>
        <translation>Nebenstelle %1 angelegt (ID %2).</translation>
    </message>
    <message>
        <source>The change names no extension (payload member extensionId).</source>
        <translation>Die Änderung nennt keine Nebenstelle (Payload-Feld extensionId).</translation>
    </message>
    <message>
        <source>The extension was deleted at the provider since you edited it.</source>
        <translation>Die Nebenstelle wurde seit Ihrer Bearbeitung beim Anbieter gelöscht.</translation>
    </message>
    <message>
        <source>Could not read the forwarding list of extension %1.</source>
        <translation>Die Weiterleitungsliste der Nebenstelle %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Forwarding number %1 had already been created.</source>
        <translation>Die Weiterleitungsnummer %1 war bereits angelegt.</translation>
    </message>
    <message>
        <source>Forwarding number %1 was already deleted.</source>
        <translation>Die Weiterleitungsnummer %1 war bereits gelöscht.</translation>
    </message>
    <message>
        <source>Deleted forwarding number %1.</source>
        <translation>Weiterleitungsnummer %1 gelöscht.</translation>
    </message>
    <message>
        <source>Updated forwarding number %1.</source>
        <translation>Weiterleitungsnummer %1 aktualisiert.</translation>
    </message>
    <message>
        <source>Created forwarding number %1.</source>
        <translation>Weiterleitungsnummer %1 angelegt.</translation>
    </message>
    <message>
        <source>changed at the provider since you edited it.</source>
        <translation>seit Ihrer Bearbeitung beim Anbieter geändert.</translation>
    </message>
    <message>
        <source>changed at the provider since you edited it: %1.</source>
        <translation>seit Ihrer Bearbeitung beim Anbieter geändert: %1.</translation>
    </message>
    <message>
        <source>Extension number %1 is used at the provider by &quot;%2&quot;; the extension was not created.</source>
        <translation>Die Nebenstellennummer %1 ist beim Anbieter bereits von „%2“ belegt; die Nebenstelle wurde nicht angelegt.</translation>
    </message>
    <message>
        <source>Forwarding number %1 already had the new values.</source>
        <translation>Die Weiterleitungsnummer %1 hatte die neuen Werte bereits.</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts; apply it explicitly to try again)</source>
        <translation>%1 (nach %2 Versuchen aufgegeben; übertragen Sie die Änderung ausdrücklich, um es erneut zu versuchen)</translation>
    </message>
    <message>
        <source>The provider did not keep %1, so the change is not applied; the record now shows what the provider holds.</source>
        <translation>Der Anbieter hat %1 nicht gespeichert, daher gilt die Änderung nicht als übernommen; der Datensatz zeigt jetzt, was beim Anbieter gespeichert ist.</translation>
    </message>
    <message>
        <source>Change %1 (%2 %3) failed earlier and is due again at %4: %5</source>
        <translation>Änderung %1 (%2 %3) ist zuvor fehlgeschlagen und wird ab %4 erneut versucht: %5</translation>
    </message>
    <message>
        <source>Created, but the provider did not keep %1; the record now shows what the provider holds.</source>
        <translation>Angelegt, aber der Anbieter hat %1 nicht gespeichert; der Datensatz zeigt jetzt, was beim Anbieter gespeichert ist.</translation>
    </message>
</context>
<context>
    <name>trunkline::sync::DetailQueue</name>
    <message>
        <source>The forwarding list was incomplete.</source>
        <translation>Die Weiterleitungsliste war unvollständig.</translation>
    </message>
    <message>
        <source>Forwarding lists</source>
        <translation>Weiterleitungslisten</translation>
    </message>
    <message>
        <source>The extension&apos;s number list was incomplete.</source>
        <translation>Die Rufnummernliste der Nebenstelle war unvollständig.</translation>
    </message>
    <message>
        <source>The extension&apos;s device list was incomplete.</source>
        <translation>Die Geräteliste der Nebenstelle war unvollständig.</translation>
    </message>
</context>
<context>
    <name>trunkline::sync::RestcommPull</name>
    <message>
        <source>Incoming numbers</source>
        <translation>Eingehende Rufnummern</translation>
    </message>
</context>
<context>
    <name>trunkline::sync::RingCentralPull</name>
    <message>
        <source>Extensions</source>
        <translation>Nebenstellen</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Rufnummern</translation>
    </message>
</context>
<context>
    <name>trunkline::sync::SyncEngine</name>
    <message>
        <source>Profile %1: syncing with provider &quot;%2&quot; is not supported.</source>
        <translation>Profil %1: Die Synchronisierung mit dem Anbieter &quot;%2&quot; wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 removed</source>
        <translation>%1 %2 entfernt</translation>
    </message>
    <message>
        <source>Complete pull: %1</source>
        <translation>Vollständiger Abruf: %1</translation>
    </message>
    <message>
        <source>Partial pull (nothing removed): %1</source>
        <translation>Teilweiser Abruf (nichts entfernt): %1</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>keine Datensätze</translation>
    </message>
    <message>
        <source>Indexing phone numbers</source>
        <translation>Rufnummern werden indiziert</translation>
    </message>
</context>
<context>
    <name>trunkline::sync::TelnyxPull</name>
    <message>
        <source>Port orders</source>
        <translation>Portierungsaufträge</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Rufnummern</translation>
    </message>
</context>
</TS>
