<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
    <name>ApiError</name>
    <message>
        <source>the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure connection to %1 was refused for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not accept the credentials for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not allow this profile to change %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is limiting the request rate for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had an internal error with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an unreadable answer for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer from %1 for %2 was lost, so it is not known whether it took effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the connection and sync again; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s address; Trunkline never connects without a valid certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the profile&apos;s credentials again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an administrator of the account to make the change or to grant the permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync again to refresh the local copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the value and apply the change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute and sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync again; if it persists, report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync to see whether it was applied before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogRepository</name>
    <message>
        <source>An audit entry needs an actor, an entity and an action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallType</name>
    <message>
        <source>Voice and fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fax only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionFactory</name>
    <message>
        <source>The demo account could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: the stored credentials are incomplete (%2) Enter them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: Account SID: must not be empty for Restcomm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: unknown provider “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: unexpected text after the closing quote of field %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted field is not closed before the end of the file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>unknown driver error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database URL %1: use a file path or postgresql://user[:password]@host[:port]/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database given: use a file path or postgresql://user[:password]@host[:port]/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation type="unfinished"></translation>
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
    <name>DemoProfiles</name>
    <message>
        <source>Demo office (RingCentral)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo porting (Telnyx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo routing (Restcomm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <source>The address “%1” is not a valid URL; write it as https://host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address %1 uses plain http; provider connections must use https (http is only accepted for the local emulator on 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address %1 uses the scheme “%2”; use https.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtensionStatus</name>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtensionType</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announcement only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digital user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fax user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paging only group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared lines group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegated lines group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group call pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVR menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flexible user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardingFeature</name>
    <message>
        <source>Call forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call flip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardingNumberRepository</name>
    <message>
        <source>Cannot replace the forwarding numbers of extension %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the forwarding number %1 of extension %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the forwarding numbers of extension %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardingRules</name>
    <message>
        <source>A phone line entry needs a device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone line entry names a device; it cannot also have the phone number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” must be in E.164 form: + country code and number, digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number %1 is a direct number of this account and cannot be a forwarding number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label has %1 characters; at most 60 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label “%1” would be ignored: only entries of type Other keep a custom label, this entry is of type %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one of call forwarding and call flip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flip number must be from 1 to 10 for an entry in the call flip list; it is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry has flip number %1 but is not in the call flip list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list has %1 forwarding numbers; at most 10 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number %1 is already in the list as entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip number %1 is already used by entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list uses %1 custom labels; at most 7 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip number %1 is missing: the %2 entries of the call flip list must use the flip numbers 1 to %2 without gaps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardingType</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension apps</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Cannot read the schema version of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the schema of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, but this version of Trunkline only knows schema versions up to %3. Update Trunkline to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the schema of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade %1 to schema version %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberFeature</name>
    <message>
        <source>Caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A2P SMS sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMS sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International SMS sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberStatus</name>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Porting pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ported in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentType</name>
    <message>
        <source>External</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business mobile provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External number provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External number provider (toll-free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingChangeRepository</name>
    <message>
        <source>A pending change needs an entity and an entity key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot stage the change to %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the pending change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the pending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update the pending change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending change %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending change %1 is %2 and cannot become %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending change %1 is being applied or already applied and cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot discard the pending change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending change %1 is being applied and cannot be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the applied changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>The phone number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” contains letters; only digits are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” contains “%2”, which is not allowed in a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” has no country code and no default region is set; write it with a leading + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” has no country code and “%2” is not a known region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” starts with an unknown country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” is too short for region %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” is too long for region %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number “%1” is not a valid number for region %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumberType</name>
    <message>
        <source>Fixed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed line or mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VoIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Universal access number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortingOrderStatus</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FOC date confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortingRepository</name>
    <message>
        <source>Cannot replace the activation ranges of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save activation range %1–%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the activation ranges of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortingRules</name>
    <message>
        <source>The route number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route number “%1” must be written in E.164 form, e.g. +492012345678.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route number %1 is not German; extended numbers can only be ported for German (+49) numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route number %1 is not a valid German phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension range start %1 is outside 0–999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension range end %1 is outside 0–999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension range %1 starts after it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one activation range is required; without one no extension would be active after the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation range %1 starts after it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation range %1 is outside 0–999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation range %1 is outside the extension range %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation range %1 overlaps activation range %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions can only be changed while the porting order is Draft, In process or Exception; this order is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended numbers of %1 with range %2 would have %3 digits; a phone number has at most 15.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileRepository</name>
    <message>
        <source>Profile name: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the profiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileService</name>
    <message>
        <source>Name: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: must be ringcentral, telnyx or restcomm, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: the Restcomm Account SID must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderSecret</name>
    <message>
        <source>API key: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth token: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT credential: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RcErrors</name>
    <message>
        <source>Parameter [%1] value is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource for parameter [%1] is not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request body cannot be parsed as JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In order to call this API endpoint, user needs to have [%1] permission for requested resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to another extension&apos;s data requires administrator permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator permission is required for this change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>porting orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>porting phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestcommService</name>
    <message>
        <source>Provided Account is not active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported Media Type: send the parameters as application/x-www-form-urlencoded, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed form data: %1 in parameter name &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed form data: %1 in the value of parameter &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number can not be null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super Admin account numbers can not be migrated. Please provide a valid account sid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OrganizationSid cannot be null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OrganizationSid is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination organization not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingCentralAuthenticator</name>
    <message>
        <source>the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingCentralService</name>
    <message>
        <source>Expected %1, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters are allowed, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an integer, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number in E.164 format (+ and country code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is empty; a JSON object is expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top level must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request rate exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service Temporarily Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal Server Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client authentication is required: send Authorization: Basic base64(client_id:client_secret).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Authorization header value: the Basic scheme is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Authorization header value: expected client_id:client_secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid client credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported Content-Type: the token request must be application/x-www-form-urlencoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicated request parameter [%1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter [access_token_ttl] must be a positive integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter [refresh_token_ttl] must be a positive integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter [assertion] is required for the JWT grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid resource owner credentials: the JWT assertion is not valid for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter [refresh_token] is required for the refresh grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token not found: the refresh token is unknown or was already used (refresh tokens are single-use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter [grant_type] is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant type [%1] is not allowed for this application; use the JWT grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported grant type [%1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter [token] is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization header is not specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a numeric id or ~.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an integer of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an integer of 1 or more, or &quot;max&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown id &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact with firstName and email is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 1 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension number %1 is already used by another extension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status Unassigned cannot be set; delete the extension number instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension number %1 is already used by extension %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enabled extension needs an extension number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system extension of the account cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 of this account; forwarding numbers must be outside the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already forwarding number %2 of this extension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flip number must be from 1 to %1, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip number %1 is already used by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device and a phone number cannot be combined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extension can have at most %1 forwarding numbers; delete one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A forwarding number cannot become a PhoneLine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of records to delete is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every record needs a forwardingNumberId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry needs a feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry needs a callerId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number id is required for type PhoneNumber.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number %1 is not a number this extension may show as caller ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 10 phone numbers are allowed, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number in E.164 format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail addresses cannot be empty when includeManagers is false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule is required (an empty one means 24/7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of the week (monday ... sunday).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times must be hh:mm, got &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range %1-%2 ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default rules cannot have caller or called-number conditions; create a custom rule instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule of a default rule follows the business hours; change them with the business-hours endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every forwarding number needs the id of one of the extension&apos;s forwarding numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteMatcher</name>
    <message>
        <source>The pattern ends with an unfinished escape &quot;\&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nested character classes (&quot;%1&quot;) are Java-only and not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character class intersection &quot;&amp;&amp;&quot; is Java-only and not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illegal repetition near index %1: &quot;{&quot; must start a quantifier such as {3} or {2,4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unclosed character class in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; is not a valid regular expression: %2 at offset %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelnyxErrors</name>
    <message>
        <source>Bad Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing required parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number must be in +E.164 format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key in the Authorization header (Bearer) is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelnyxService</name>
    <message>
        <source>Method %1 is not allowed on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emulator has no Telnyx endpoint %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Porting order id &quot;%1&quot; is not a UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Porting order %1 was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown porting order status &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date-time filter must be ISO 8601, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sort must be one of %1, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field /%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/%1 must be a string, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/phone_numbers must be present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/phone_numbers must be an array of +E.164 strings, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/phone_numbers must contain at least one number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 numbers is the maximum allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a string, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not in +E.164 format (&quot;+&quot;, country code, number, no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a portable phone number: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is already on porting order %3 (status %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A porting order in status %1 cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/activation_settings/foc_datetime_requested must lie in the future, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement group %1 was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a requirement of this porting order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/misc/new_billing_phone_number is required when /misc/remaining_numbers_action is &quot;keep&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only porting orders in status draft can be deleted; this one is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only porting orders in status draft or exception can be confirmed; this one is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be filled in before the porting order can be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LOA and the latest invoice (/documents/loa, /documents/invoice) must be given before the porting order can be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A porting order in status draft cannot be cancelled; delete it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A porting order in status %1 cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The porting order cannot be cancelled within 48 hours of its FOC date %1; please contact Telnyx support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter[porting_order_id] must be a UUID, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sort must be created_at or -created_at, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object {start_at, end_at}, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field %1/%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an integer, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/porting_phone_number_id is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/porting_phone_number_id must be a string (UUID), got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/porting_phone_number_id must be a UUID, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Porting phone number %1 is not on porting order %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/extension_range is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/activation_ranges is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/activation_ranges must be an array of {start_at, end_at}, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension range %1 overlaps extension range %2 already attached to %3 (extension %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number extension %1 was not found on porting order %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions can only be deleted while the porting order is in draft, in-process or exception; this one is %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Cannot start a transaction on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction is no longer active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved because an earlier step of the same change failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the changes to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageType</name>
    <message>
        <source>Main company number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional company number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company fax number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FMC business mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FMC business mobile number (inventory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded company number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact center number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferencing number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency location number (ELIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner business mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner business mobile number (pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number (inventory)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port (0 = any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the demo data and faults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers to generate (default: a small office).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions to generate (default: a small office).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected faults, e.g. 5xx=0.1,429=0.05,drop=0.02,truncate=0.01,latency=50-400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider rate limits: on or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run windows, penalties and token lifetimes F times faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON file that keeps the data across restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port must be 0 to 65535, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a non-negative integer, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a non-negative integer, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--rate-limits must be on or off, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--time-scale must be a number above 0, got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::emulator</name>
    <message>
        <source>Fault &quot;%1&quot; has value &quot;%2&quot;; it must be a fraction from 0 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::EmulatorServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1 port %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the state file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the state file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state file %1 is not an emulator state (format 1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::FaultSpec</name>
    <message>
        <source>Fault item &quot;%1&quot; must have the form name=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault &quot;latency&quot; has value &quot;%1&quot;; it must be MIN-MAX milliseconds with 0 ≤ MIN ≤ MAX ≤ 60000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown fault &quot;%1&quot;; known faults are 5xx, 429, drop, truncate and latency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault fractions 5xx, 429, drop and truncate add up to %1; together they must not exceed 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::restcomm</name>
    <message>
        <source>broken percent-encoding &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::emulator::telnyx</name>
    <message>
        <source>Parameter %1 must be an integer of at least 1, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter %1 must be an integer from 1 to %2, got &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an array, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not be null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be %2, got %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a UUID, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an ISO 8601 date-time such as 2026-03-02T09:00:00Z, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an http(s) URL, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a phone number in +E.164 format, got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be one of %2, got &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
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
    <name>trunkline::gui::MainWindow</name>
    <message>
        <source>Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>Phone numbers appear here after the first sync with a provider.</source>
        <translation>Rufnummern erscheinen hier nach dem ersten Abgleich mit einem Anbieter.</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Nebenstellen</translation>
    </message>
    <message>
        <source>Extensions and their forwarding and call-flip lists appear here after the first sync with a provider.</source>
        <translation>Nebenstellen mit ihren Weiterleitungs- und Call-Flip-Listen erscheinen hier nach dem ersten Abgleich mit einem Anbieter.</translation>
    </message>
    <message>
        <source>Port orders</source>
        <translation>Portierungsaufträge</translation>
    </message>
    <message>
        <source>Orders to move numbers to a new provider, including German extended numbers, will be listed here. Creating port orders is not available yet.</source>
        <translation>Aufträge, mit denen Rufnummern – auch deutsche Durchwahlnummern – zu einem neuen Anbieter umziehen, werden hier aufgeführt. Portierungsaufträge anzulegen ist noch nicht möglich.</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Rules that route incoming numbers to their destinations will be shown here. Editing routes is not available yet.</source>
        <translation>Regeln, die eingehende Rufnummern an ihre Ziele leiten, werden hier angezeigt. Routen zu bearbeiten ist noch nicht möglich.</translation>
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
        <source>Edits you make will be staged here for review before they are sent to a provider. Reviewing pending changes is not available yet.</source>
        <translation>Ihre Änderungen werden hier zur Prüfung gesammelt, bevor sie an einen Anbieter gehen. Ausstehende Änderungen zu prüfen ist noch nicht möglich.</translation>
    </message>
    <message>
        <source>Every change applied to a provider will be listed here with its time and result. Viewing the audit log is not available yet.</source>
        <translation>Jede bei einem Anbieter ausgeführte Änderung wird hier mit Zeitpunkt und Ergebnis aufgeführt. Das Änderungsprotokoll anzuzeigen ist noch nicht möglich.</translation>
    </message>
</context>
<context>
    <name>trunkline::net::PagedFetch</name>
    <message>
        <source>Page %1 links to itself as the next page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::secrets::KeychainSecretStore</name>
    <message>
        <source>Access to the keychain was denied: unlock it and allow Trunkline to use it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the secret for profile %1 (%2) in the keychain: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secret for profile %1 (%2) from the keychain: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the secret for profile %1 (%2) from the keychain: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trunkline::secrets::SecretStore</name>
    <message>
        <source>No secret is stored for profile %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available (Secret Service/D-Bus): start gnome-keyring or KWallet, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
