export const DEMO_FIRST = [
  'Abena', 'Kwame', 'Grace', 'Daniel', 'Esther', 'Samuel', 'Ruth', 'Joseph', 'Naomi', 'David', 'Sarah', 'Isaac',
  'Miriam', 'Caleb', 'Hannah', 'Elijah', 'Lydia', 'Joshua', 'Deborah', 'Nathan', 'Priscilla', 'Timothy', 'Rebecca',
  'Stephen', 'Martha', 'Andrew', 'Phoebe', 'Peter', 'Eunice', 'Philip', 'Tabitha', 'Silas', 'Joy', 'Emmanuel', 'Faith',
  'Gabriel', 'Mercy', 'Benjamin', 'Patience', 'Michael', 'Comfort', 'Jonathan', 'Blessing', 'Aaron', 'Rose', 'Mark',
  'Ama', 'Kofi', 'Efua', 'Yaw', 'Akosua', 'Kojo', 'Adwoa', 'Kwabena',
];
export const DEMO_LAST = [
  'Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Addo', 'Appiah', 'Darko', 'Amoah', 'Ofori', 'Adjei', 'Acheampong',
  'Nkrumah', 'Sarpong', 'Agyeman', 'Frimpong', 'Quaye', 'Lartey', 'Tetteh', 'Annan', 'Badu', 'Danso', 'Opoku',
  'Kyei', 'Fosu', 'Gyamfi', 'Yeboah', 'Antwi', 'Bonsu', 'Ansah', 'Wiredu',
];
