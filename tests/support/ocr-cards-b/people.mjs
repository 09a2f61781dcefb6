// TEST DATA for the second card set (generate.mjs beside it): made-up people and companies by
// region, written the way cards from each place are printed: names with accents and particles,
// titles, departments and labels in the local language, local company forms and top-level domains.
// Written apart from the first set (tests/support/ocr-cards) and from the app's card reader.

/**
 * @typedef {{ first: string, last: string }} Person
 * @typedef {{
 *   region: string, lang: string, people: Person[], titles: string[], departments: string[],
 *   taglines: string[], companies: Array<[string, string]>, addresses: string[],
 *   labels: { mobile: string[], phone: string[], email: string[], web: string[], fax: string[] },
 *   fixed: string[], mobilePrefixes?: string[]
 * }} Locale
 */

/** Labels per language: what a card puts before a number, an address or a site. */
const LABELS = {
	en: {
		mobile: ['Mobile', 'Mob.', 'M', 'Cell', 'M:', 'Mobile:'],
		phone: ['Tel', 'T', 'Phone', 'Office', 'Direct', 'T:'],
		email: ['Email', 'E', 'E:', 'e-mail'],
		web: ['Web', 'W', 'W:'],
		fax: ['Fax', 'F']
	},
	de: {
		mobile: ['Mobil', 'Mobil:', 'Handy', 'Mob.', 'M'],
		phone: ['Tel.', 'Telefon', 'Tel.:', 'T'],
		email: ['E-Mail', 'E-Mail:', 'Mail', 'E'],
		web: ['Web', 'Internet', 'www'],
		fax: ['Fax', 'Fax:']
	},
	fr: {
		mobile: ['Mob.', 'Portable', 'Mobile', 'Port.', 'M.'],
		phone: ['Tél.', 'Tél. :', 'Standard', 'T.'],
		email: ['Courriel', 'E-mail', 'Mail :', 'E.'],
		web: ['Site', 'Web'],
		fax: ['Fax', 'Télécopie']
	},
	es: {
		mobile: ['Móvil', 'Móvil:', 'Cel.', 'M.', 'Celular'],
		phone: ['Tel.', 'Teléfono', 'Tfno.', 'T.'],
		email: ['Correo', 'Email', 'E-mail:', 'C.e.'],
		web: ['Web', 'Sitio'],
		fax: ['Fax']
	},
	it: {
		mobile: ['Cell.', 'Cellulare', 'Mob.', 'M.'],
		phone: ['Tel.', 'Telefono', 'T.'],
		email: ['Email', 'E-mail', 'Posta'],
		web: ['Web', 'Sito'],
		fax: ['Fax']
	},
	pt: {
		mobile: ['Tlm.', 'Telemóvel', 'Móvel', 'M.'],
		phone: ['Tel.', 'Telefone', 'T.'],
		email: ['Email', 'E-mail', 'Correio'],
		web: ['Web', 'Site'],
		fax: ['Fax']
	},
	br: {
		mobile: ['Cel.', 'Celular', 'WhatsApp', 'Cel:'],
		phone: ['Tel.', 'Fone', 'Telefone'],
		email: ['E-mail', 'Email'],
		web: ['Site', 'Web'],
		fax: ['Fax']
	},
	nl: {
		mobile: ['Mob.', 'Mobiel', 'M', 'M.'],
		phone: ['Tel.', 'T', 'Telefoon', 'T.'],
		email: ['E-mail', 'E', 'E.'],
		web: ['Web', 'I', 'Internet'],
		fax: ['Fax', 'F']
	},
	pl: {
		mobile: ['kom.', 'tel. kom.', 'Kom.', 'GSM'],
		phone: ['tel.', 'Tel.', 'tel./fax'],
		email: ['e-mail', 'E-mail:', 'mail'],
		web: ['www', 'WWW'],
		fax: ['fax', 'Faks']
	},
	sv: {
		mobile: ['Mobil', 'Mobil:', 'Mob.', 'M'],
		phone: ['Tel', 'Tel.', 'Telefon', 'Växel'],
		email: ['E-post', 'E-post:', 'Mejl'],
		web: ['Webb', 'Web'],
		fax: ['Fax']
	},
	da: {
		mobile: ['Mobil', 'Mobil:', 'Mob.'],
		phone: ['Tlf.', 'Tlf.:', 'Telefon', 'Direkte'],
		email: ['E-mail', 'Mail', 'E-mail:'],
		web: ['Web', 'www'],
		fax: ['Fax']
	},
	no: {
		mobile: ['Mobil', 'Mob.', 'Mobil:'],
		phone: ['Tlf.', 'Tlf', 'Telefon', 'Sentralbord'],
		email: ['E-post', 'E-post:', 'Epost'],
		web: ['Web', 'Nett'],
		fax: ['Faks']
	},
	fi: {
		mobile: ['Puh.', 'GSM', 'Matkapuh.', 'Mob.'],
		phone: ['Puh.', 'Vaihde', 'Puhelin'],
		email: ['Sähköposti', 'S-posti', 'Email'],
		web: ['Web', 'www'],
		fax: ['Faksi']
	},
	cs: {
		mobile: ['Mobil', 'Mob.', 'Mobil:', 'M:'],
		phone: ['Tel.', 'Telefon', 'T:'],
		email: ['E-mail', 'E-mail:', 'Email'],
		web: ['Web', 'www'],
		fax: ['Fax']
	},
	sr: {
		mobile: ['Mob.', 'Mobilni', 'M:'],
		phone: ['Tel.', 'Telefon', 'T:'],
		email: ['E-mail', 'Email', 'E-pošta'],
		web: ['Web', 'www'],
		fax: ['Faks']
	}
};

const EN_TITLES = [
	'Head of Partnerships',
	'Senior Software Engineer',
	'Chief Executive Officer',
	'Regional Sales Manager',
	'Product Designer',
	'Managing Director',
	'Business Development Executive',
	'Principal Consultant',
	'Operations Manager',
	'Account Director',
	'VP Engineering',
	'Data Scientist',
	'Founder & CEO',
	'Procurement Officer'
];
const EN_DEPARTMENTS = [
	'Sales & Marketing',
	'Research and Development',
	'Customer Success',
	'Corporate Finance',
	'Engineering Department',
	'Supply Chain'
];
const EN_TAGLINES = [
	'Building better logistics since 1994',
	'Quiet engineering for loud problems',
	'Data you can trust',
	'Design. Build. Deliver.',
	'Your partner in clean energy',
	'Craft coffee roasters'
];

/** @type {Locale[]} */
export const LOCALES = [
	{
		region: 'ES',
		lang: 'es',
		people: [
			{ first: 'Lucía', last: 'García Ortega' },
			{ first: 'José Manuel', last: 'Núñez' },
			{ first: 'María', last: 'de la Cruz' },
			{ first: 'Íñigo', last: 'Etxeberria' },
			{ first: 'Begoña', last: 'Peña Ibáñez' }
		],
		titles: ['Directora de Operaciones', 'Jefe de Ventas', 'Responsable de Compras', 'Ingeniera de Proyectos'],
		departments: ['Departamento Comercial', 'Dirección Financiera', 'Área de Innovación'],
		taglines: ['Soluciones de ingeniería desde 1987', 'Energía que se queda', 'Calidad sin atajos'],
		companies: [
			['Talleres Ibáñez S.L.', 'talleresibanez.es'],
			['Grupo Alcántara', 'grupoalcantara.es'],
			['Conservas del Cantábrico S.A.', 'conservascantabrico.es']
		],
		addresses: ['C/ de Alcalá, 221, 28028 Madrid', 'Av. Diagonal 640, 08017 Barcelona'],
		labels: LABELS.es,
		fixed: ['91', '93', '954', '96']
	},
	{
		region: 'MX',
		lang: 'es',
		people: [
			{ first: 'Ximena', last: 'Hernández' },
			{ first: 'Juan Pablo', last: 'de la Cruz Rosales' },
			{ first: 'Guadalupe', last: 'Ortiz Peña' }
		],
		titles: ['Gerente de Ventas', 'Directora General', 'Coordinador de Logística'],
		departments: ['Gerencia Comercial', 'Recursos Humanos'],
		taglines: ['Empaques que cuidan lo tuyo', 'Tecnología hecha en México'],
		companies: [
			['Empaques Tonalá', 'empaquestonala.com.mx'],
			['Soluciones Quetzal', 'quetzal.mx']
		],
		addresses: ['Av. Reforma 350, Col. Juárez, 06600 CDMX'],
		labels: LABELS.es,
		fixed: ['55', '33', '81']
	},
	{
		region: 'AR',
		lang: 'es',
		people: [
			{ first: 'Martín', last: 'Gómez Iturralde' },
			{ first: 'Sofía', last: 'Belén Paz' }
		],
		titles: ['Gerente Comercial', 'Jefa de Producto'],
		departments: ['Comercio Exterior'],
		taglines: ['Vinos de altura'],
		companies: [
			['Bodega Los Álamos', 'losalamos.com.ar'],
			['Patagonia Datos', 'patagoniadatos.ar']
		],
		addresses: ['Av. Corrientes 1234, C1043 CABA'],
		labels: LABELS.es,
		fixed: []
	},
	{
		region: 'DE',
		lang: 'de',
		people: [
			{ first: 'Jürgen', last: 'Müller' },
			{ first: 'Anja', last: 'Weiß' },
			{ first: 'Matthias', last: 'von Bülow' },
			{ first: 'Katharina', last: 'Schröder-Lange' },
			{ first: 'Heike', last: 'Straßburger' }
		],
		titles: ['Geschäftsführerin', 'Leiter Vertrieb', 'Projektingenieur', 'Key Account Managerin', 'Einkaufsleiter'],
		departments: ['Vertrieb & Marketing', 'Abteilung Forschung und Entwicklung', 'Qualitätssicherung'],
		taglines: ['Präzision seit 1952', 'Wir bewegen Güter', 'Ihr Partner für Messtechnik'],
		companies: [
			['Müller & Söhne GmbH', 'mueller-soehne.de'],
			['Rheinwerk Antriebstechnik AG', 'rheinwerk-antriebe.de'],
			['Nordlicht Software GmbH', 'nordlicht-software.de']
		],
		addresses: ['Friedrichstraße 118, 10117 Berlin', 'Königsallee 27, 40212 Düsseldorf'],
		labels: LABELS.de,
		fixed: ['30', '89', '211', '40']
	},
	{
		region: 'AT',
		lang: 'de',
		people: [
			{ first: 'Lukas', last: 'Hölzl' },
			{ first: 'Theresa', last: 'Gruber-Pöschl' }
		],
		titles: ['Prokurist', 'Leiterin Marketing'],
		departments: ['Kundendienst'],
		taglines: ['Holzbau mit Verstand'],
		companies: [
			['Alpenholz Bau GmbH', 'alpenholz.at'],
			['Donau Medien KG', 'donaumedien.at']
		],
		addresses: ['Mariahilfer Straße 45, 1060 Wien'],
		labels: LABELS.de,
		fixed: ['1', '662', '316']
	},
	{
		region: 'CH',
		lang: 'de',
		people: [
			{ first: 'Reto', last: 'Brändli' },
			{ first: 'Séverine', last: 'Dubois-Keller' }
		],
		titles: ['Verwaltungsratspräsident', 'Leiterin Finanzen', 'Responsable Marketing'],
		departments: ['Finanzen und Controlling'],
		taglines: ['Schweizer Qualität, weltweit'],
		companies: [
			['Zürcher Uhrwerke AG', 'zuercher-uhrwerke.ch'],
			['Léman Conseil SA', 'lemanconseil.ch']
		],
		addresses: ['Bahnhofstrasse 12, 8001 Zürich'],
		labels: LABELS.de,
		fixed: ['44', '22', '31']
	},
	{
		region: 'FR',
		lang: 'fr',
		people: [
			{ first: 'Hélène', last: 'Lefèvre' },
			{ first: 'François', last: 'Nguyễn' },
			{ first: 'Anne-Sophie', last: 'de Villiers' },
			{ first: 'Jérôme', last: "D'Arcy" },
			{ first: 'Maël', last: 'Le Goff' }
		],
		titles: [
			'Directrice commerciale',
			"Chargé d'affaires",
			'Chef de projet',
			'Responsable des achats',
			'Ingénieure R&D'
		],
		departments: ['Direction des Systèmes d’Information', 'Service Client', 'Département Export'],
		taglines: ['L’excellence au quotidien', 'Créateurs de lumière depuis 1921', 'Le goût du travail bien fait'],
		companies: [
			['Ateliers Lumière SARL', 'ateliers-lumiere.fr'],
			['Société Générale d’Optique', 'sgoptique.fr'],
			['Bretagne Numérique', 'bretagne-numerique.fr']
		],
		addresses: ['12, rue de la Paix, 75002 Paris', '8 quai Saint-Antoine, 69002 Lyon'],
		labels: LABELS.fr,
		fixed: ['1', '4', '2']
	},
	{
		region: 'BE',
		lang: 'nl',
		people: [
			{ first: 'Wouter', last: 'Van den Bossche' },
			{ first: 'Chloé', last: 'Dumont' },
			{ first: 'Pieter-Jan', last: 'De Smet' }
		],
		titles: ['Zaakvoerder', 'Projectleider', 'Directrice financière'],
		departments: ['Afdeling Verkoop', 'Service juridique'],
		taglines: ['Vakmanschap sinds 1978'],
		companies: [
			['Brouwerij De Kroon BV', 'dekroon.be'],
			['Meuse Logistique SA', 'meuselogistique.be']
		],
		addresses: ['Meir 24, 2000 Antwerpen'],
		labels: LABELS.nl,
		fixed: ['2', '3', '9']
	},
	{
		region: 'IT',
		lang: 'it',
		people: [
			{ first: 'Niccolò', last: 'Bianchi' },
			{ first: 'Francesca', last: 'De Luca' },
			{ first: 'Gianluca', last: 'Dell’Acqua' },
			{ first: 'Chiara', last: 'Zanetti' }
		],
		titles: ['Responsabile Commerciale', 'Amministratore Delegato', 'Direttrice Tecnica', 'Ufficio Acquisti'],
		departments: ['Ufficio Tecnico', 'Area Vendite Estero'],
		taglines: ['Qualità artigiana dal 1963', 'Il design che lavora'],
		companies: [
			['Officine Zanetti S.p.A.', 'officinezanetti.it'],
			['Tessuti Bianchi S.r.l.', 'tessutibianchi.it'],
			['Studio Verità', 'studioverita.it']
		],
		addresses: ['Via Montenapoleone 8, 20121 Milano', 'Corso Vittorio Emanuele II 21, 10123 Torino'],
		labels: LABELS.it,
		fixed: ['02', '06', '011', '055']
	},
	{
		region: 'PT',
		lang: 'pt',
		people: [
			{ first: 'João', last: 'Gonçalves' },
			{ first: 'Inês', last: 'Magalhães' },
			{ first: 'Rui', last: 'Conceição da Silva' }
		],
		titles: ['Diretora de Marketing', 'Gestor de Projeto', 'Administrador'],
		departments: ['Direção Comercial', 'Departamento Financeiro'],
		taglines: ['Cortiça com futuro', 'Engenharia portuguesa'],
		companies: [
			['Cortiças Magalhães, Lda.', 'corticasmagalhaes.pt'],
			['Atlântico Sistemas', 'atlanticosistemas.pt']
		],
		addresses: ['Rua Augusta 100, 1100-053 Lisboa', 'Av. da Boavista 1277, 4100-130 Porto'],
		labels: LABELS.pt,
		fixed: ['21', '22']
	},
	{
		region: 'BR',
		lang: 'pt',
		people: [
			{ first: 'Thiago', last: 'Araújo' },
			{ first: 'Letícia', last: 'Brandão' },
			{ first: 'Conceição', last: 'dos Santos' }
		],
		titles: ['Gerente de Contas', 'Diretor Comercial', 'Analista de Sistemas'],
		departments: ['Diretoria de Tecnologia'],
		taglines: ['Tecnologia que aproxima'],
		companies: [
			['Araújo Tecnologia Ltda.', 'araujotec.com.br'],
			['Cafés Serra Azul', 'serraazul.com.br']
		],
		addresses: ['Av. Paulista, 1578, São Paulo – SP'],
		labels: LABELS.br,
		fixed: ['11', '21']
	},
	{
		region: 'NL',
		lang: 'nl',
		people: [
			{ first: 'Pieter', last: 'van der Berg' },
			{ first: 'Sanne', last: 'de Vries' },
			{ first: 'Joost', last: 'van ’t Hof' },
			{ first: 'Eline', last: 'Bakker' }
		],
		titles: ['Accountmanager', 'Projectleider', 'Algemeen Directeur', 'Adviseur Duurzaamheid'],
		departments: ['Afdeling Inkoop', 'Klantenservice'],
		taglines: ['Samen bouwen aan morgen', 'Slim in water'],
		companies: [
			['Van der Berg Installatietechniek B.V.', 'vdberg-installatie.nl'],
			['Delta Waterbouw', 'deltawaterbouw.nl'],
			['Grachtwerk', 'grachtwerk.nl']
		],
		addresses: ['Keizersgracht 452, 1016 GD Amsterdam', 'Coolsingel 40, 3011 AD Rotterdam'],
		labels: LABELS.nl,
		fixed: ['20', '10', '30']
	},
	{
		region: 'PL',
		lang: 'pl',
		people: [
			{ first: 'Łukasz', last: 'Wiśniewski' },
			{ first: 'Małgorzata', last: 'Żak' },
			{ first: 'Paweł', last: 'Szczęsny' },
			{ first: 'Agnieszka', last: 'Kołodziej' }
		],
		titles: ['Kierownik Projektu', 'Dyrektor Handlowy', 'Specjalista ds. Sprzedaży', 'Główna Księgowa'],
		departments: ['Dział Handlowy', 'Dział Logistyki'],
		taglines: ['Budujemy z pasją', 'Twój partner w logistyce'],
		companies: [
			['Wiśniewski Sp. z o.o.', 'wisniewski.pl'],
			['Bałtyk Transport S.A.', 'baltyktransport.pl'],
			['Żuraw Systemy', 'zurawsystemy.com.pl']
		],
		addresses: ['ul. Marszałkowska 84/92, 00-514 Warszawa', 'ul. Długa 5, 80-827 Gdańsk'],
		labels: LABELS.pl,
		fixed: ['22', '12', '58']
	},
	{
		region: 'SE',
		lang: 'sv',
		people: [
			{ first: 'Åsa', last: 'Lindqvist' },
			{ first: 'Björn', last: 'Ekström' },
			{ first: 'Linnéa', last: 'Sjöberg' }
		],
		titles: ['Försäljningschef', 'Verkställande direktör', 'Projektledare'],
		departments: ['Inköpsavdelningen', 'Kundtjänst'],
		taglines: ['Hållbart sedan 1972'],
		companies: [
			['Ekström Byggnads AB', 'ekstrombygg.se'],
			['Norrsken Data AB', 'norrskendata.se']
		],
		addresses: ['Drottninggatan 53, 111 21 Stockholm'],
		labels: LABELS.sv,
		fixed: ['8', '31', '40']
	},
	{
		region: 'DK',
		lang: 'da',
		people: [
			{ first: 'Søren', last: 'Kjærgaard' },
			{ first: 'Mette', last: 'Østergaard' },
			{ first: 'Anders', last: 'Møller' }
		],
		titles: ['Salgschef', 'Administrerende direktør', 'Projektleder'],
		departments: ['Økonomiafdelingen'],
		taglines: ['Dansk design, ærligt håndværk'],
		companies: [
			['Kjærgaard Møbler ApS', 'kjaergaard-mobler.dk'],
			['Østersø Energi A/S', 'ostersoenergi.dk']
		],
		addresses: ['Strøget 28, 1160 København K'],
		labels: LABELS.da,
		fixed: []
	},
	{
		region: 'NO',
		lang: 'no',
		people: [
			{ first: 'Øystein', last: 'Haugen' },
			{ first: 'Ingrid', last: 'Bjørnstad' }
		],
		titles: ['Daglig leder', 'Salgssjef', 'Prosjektleder'],
		departments: ['Økonomi og regnskap'],
		taglines: ['Fra fjord til bord'],
		companies: [
			['Fjordlaks AS', 'fjordlaks.no'],
			['Bjørnstad Rådgivning', 'bjornstad-radgivning.no']
		],
		addresses: ['Karl Johans gate 14, 0154 Oslo'],
		labels: LABELS.no,
		fixed: []
	},
	{
		region: 'FI',
		lang: 'fi',
		people: [
			{ first: 'Mikko', last: 'Järvinen' },
			{ first: 'Päivi', last: 'Mäkelä' },
			{ first: 'Aleksi', last: 'Hämäläinen' }
		],
		titles: ['Myyntipäällikkö', 'Toimitusjohtaja', 'Projektipäällikkö'],
		departments: ['Asiakaspalvelu'],
		taglines: ['Suomalaista osaamista'],
		companies: [
			['Järvinen Metalli Oy', 'jarvinenmetalli.fi'],
			['Revontuli Ohjelmistot Oy', 'revontuli.fi']
		],
		addresses: ['Mannerheimintie 12, 00100 Helsinki'],
		labels: LABELS.fi,
		fixed: ['9']
	},
	{
		region: 'CZ',
		lang: 'cs',
		people: [
			{ first: 'Jiří', last: 'Dvořák' },
			{ first: 'Kateřina', last: 'Nováková' },
			{ first: 'Tomáš', last: 'Černý' }
		],
		titles: ['Obchodní ředitel', 'Vedoucí projektu', 'Jednatelka'],
		departments: ['Obchodní oddělení', 'Technický úsek'],
		taglines: ['Tradice od roku 1898'],
		companies: [
			['Dvořák Strojírny s.r.o.', 'dvorak-strojirny.cz'],
			['Vltava Software a.s.', 'vltavasoftware.cz']
		],
		addresses: ['Václavské náměstí 19, 110 00 Praha 1'],
		labels: LABELS.cs,
		fixed: ['2']
	},
	{
		region: 'RS',
		lang: 'sr',
		people: [
			{ first: 'Miloš', last: 'Petrović' },
			{ first: 'Jelena', last: 'Đorđević' }
		],
		titles: ['Direktor prodaje', 'Menadžerka projekta'],
		departments: ['Sektor prodaje'],
		taglines: ['Kvalitet bez kompromisa'],
		companies: [
			['Petrović Inženjering d.o.o.', 'petrovic-inzenjering.rs'],
			['Dunav Soft', 'dunavsoft.rs']
		],
		addresses: ['Knez Mihailova 10, 11000 Beograd'],
		labels: LABELS.sr,
		fixed: ['11']
	},
	{
		region: 'IE',
		lang: 'en',
		people: [
			{ first: 'Siobhán', last: 'Ní Bhriain' },
			{ first: 'Seán', last: "O'Neill" },
			{ first: 'Aoife', last: 'Mac Giolla Phádraig' },
			{ first: 'Ciarán', last: 'Ó Súilleabháin' }
		],
		titles: EN_TITLES,
		departments: EN_DEPARTMENTS,
		taglines: ['Proudly made in Galway', ...EN_TAGLINES],
		companies: [
			['Claddagh Analytics Ltd', 'claddagh-analytics.ie'],
			['Shannon Medical Devices', 'shannonmedical.ie']
		],
		addresses: ['14 Merrion Square, Dublin 2, D02 XY45'],
		labels: LABELS.en,
		fixed: ['1', '21', '91']
	},
	{
		region: 'GB',
		lang: 'en',
		people: [
			{ first: 'MARY-JANE', last: 'MCALLISTER' },
			{ first: 'Oliver', last: 'Fitzgerald-Hughes' },
			{ first: 'Priya', last: 'Chakraborty' },
			{ first: 'Rhiannon', last: 'ap Dafydd' }
		],
		titles: EN_TITLES,
		departments: EN_DEPARTMENTS,
		taglines: EN_TAGLINES,
		companies: [
			['Harrow & Finch Ltd', 'harrowfinch.co.uk'],
			['Ironbridge Robotics', 'ironbridge-robotics.co.uk'],
			['Pennine Health Partners', 'penninehealth.org.uk']
		],
		addresses: ['221 Deansgate, Manchester M3 4EN', '10 Finsbury Square, London EC2A 1AF'],
		labels: LABELS.en,
		fixed: ['20', '161', '131']
	},
	{
		region: 'US',
		lang: 'en',
		people: [
			{ first: 'Dwayne', last: 'Washington' },
			{ first: 'Ana', last: 'Delgado-Smith' },
			{ first: 'KEVIN', last: 'OSTROWSKI' },
			{ first: 'Mei-Ling', last: 'Chen' }
		],
		titles: EN_TITLES,
		departments: EN_DEPARTMENTS,
		taglines: EN_TAGLINES,
		companies: [
			['Bluegrass Fabrication Inc.', 'bluegrassfab.com'],
			['Summit Ridge Capital LLC', 'summitridge.co'],
			['Lakeshore Bioworks', 'lakeshorebio.com']
		],
		addresses: ['1200 Larimer St, Suite 400, Denver, CO 80204', '77 Water Street, New York, NY 10005'],
		labels: LABELS.en,
		fixed: ['212', '303', '617', '512']
	},
	{
		region: 'CA',
		lang: 'en',
		people: [
			{ first: 'Geneviève', last: 'Tremblay' },
			{ first: 'Liam', last: 'MacDonald' }
		],
		titles: ['Directrice des ventes', ...EN_TITLES],
		departments: EN_DEPARTMENTS,
		taglines: ['Northern made'],
		companies: [
			['Érable Technologies inc.', 'erabletech.ca'],
			['Maple Leaf Freight', 'mapleleaffreight.ca']
		],
		addresses: ['1000 rue Sherbrooke O, Montréal QC H3A 3G4'],
		labels: LABELS.en,
		fixed: ['514', '416', '604']
	},
	{
		region: 'IN',
		lang: 'en',
		people: [
			{ first: 'Ananya', last: 'Raghunathan' },
			{ first: 'Vikram', last: 'Singh Rathore' },
			{ first: 'Lakshmi', last: 'Venkataraman' }
		],
		titles: ['Assistant Vice President', 'Sr. Manager – Business Development', ...EN_TITLES],
		departments: ['Corporate Sales', 'Technology Services'],
		taglines: ['Engineering trust'],
		companies: [
			['Kaveri Infotech Pvt. Ltd.', 'kaveriinfotech.in'],
			['Sahyadri Foods', 'sahyadrifoods.co.in']
		],
		addresses: ['4th Floor, Prestige Tower, MG Road, Bengaluru 560001'],
		labels: LABELS.en,
		fixed: ['80', '22', '11']
	},
	{
		region: 'MA',
		lang: 'fr',
		people: [
			{ first: 'Youssef', last: 'El Amrani' },
			{ first: 'Salma', last: 'Benjelloun' }
		],
		titles: ['Directeur Général', 'Responsable Export'],
		departments: ['Direction Commerciale'],
		taglines: ['Le savoir-faire marocain'],
		companies: [
			['Atlas Agrumes SARL', 'atlasagrumes.ma'],
			['Casablanca Digital', 'casadigital.ma']
		],
		addresses: ['45, Bd Zerktouni, Casablanca'],
		labels: LABELS.fr,
		fixed: ['522', '537']
	},
	{
		region: 'KR',
		lang: 'en',
		people: [
			{ first: 'Ji-woo', last: 'Park' },
			{ first: 'Min-jun', last: 'Kim' },
			{ first: 'Seo-yeon', last: 'Lee' }
		],
		titles: ['Senior Manager', 'Team Leader, Overseas Sales', 'Principal Researcher'],
		departments: ['Global Business Division'],
		taglines: ['Innovation for tomorrow'],
		companies: [
			['Hanbit Electronics Co., Ltd.', 'hanbit-elec.co.kr'],
			['Seoul Bio Lab', 'seoulbiolab.kr']
		],
		addresses: ['Teheran-ro 152, Gangnam-gu, Seoul 06236'],
		labels: LABELS.en,
		fixed: ['2', '31']
	},
	{
		region: 'AU',
		lang: 'en',
		people: [
			{ first: 'Bronwyn', last: 'McIntyre' },
			{ first: 'Tane', last: 'Walker' }
		],
		titles: EN_TITLES,
		departments: EN_DEPARTMENTS,
		taglines: ['Built for the outback'],
		companies: [
			['Coral Coast Surveying Pty Ltd', 'coralcoastsurvey.com.au'],
			['Wattle Labs', 'wattlelabs.au']
		],
		addresses: ['Level 9, 60 Castlereagh St, Sydney NSW 2000'],
		labels: LABELS.en,
		fixed: ['2', '3', '7']
	},
	{
		region: 'ZA',
		lang: 'en',
		people: [
			{ first: 'Thandiwe', last: 'Nkosi' },
			{ first: 'Johan', last: 'van Niekerk' }
		],
		titles: EN_TITLES,
		departments: EN_DEPARTMENTS,
		taglines: ['Proudly South African'],
		companies: [
			['Karoo Solar (Pty) Ltd', 'karoosolar.co.za'],
			['Table Bay Consulting', 'tablebay.co.za']
		],
		addresses: ['5 Loop Street, Cape Town 8001'],
		labels: LABELS.en,
		fixed: ['21', '11']
	},
	{
		region: 'SG',
		lang: 'en',
		people: [
			{ first: 'Wei Jie', last: 'Tan' },
			{ first: 'Nurul', last: 'Aisyah binte Rahman' }
		],
		titles: EN_TITLES,
		departments: EN_DEPARTMENTS,
		taglines: ['Asia’s logistics partner'],
		companies: [
			['Merlion Freight Pte. Ltd.', 'merlionfreight.sg'],
			['Orchid Analytics', 'orchidanalytics.com.sg']
		],
		addresses: ['1 Raffles Place, #20-01, Singapore 048616'],
		labels: LABELS.en,
		fixed: ['6']
	}
];

/** Letters a person types in an address for the accented ones (ł, ø, ß, æ are not split by NFD). */
const ASCII = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', đ: 'dj', œ: 'oe', ı: 'i' };

/** @param {string} text */
export function ascii(text) {
	return text
		.toLowerCase()
		.replace(/[łøßæđœı]/g, (ch) => ASCII[/** @type {keyof typeof ASCII} */ (ch)])
		.normalize('NFD')
		.replace(/[^a-z0-9 -]/g, '');
}
